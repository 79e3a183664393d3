import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enTranslation, idTranslation } from './bundles';

const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'desmigratif.language';

export const resources = {
  id: { translation: idTranslation },
  en: { translation: enTranslation },
} as const;

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    return stored && isLanguage(stored) ? stored : 'id';
  } catch {
    return 'id';
  }
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this visit only.
  }
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

const initial = storedLanguage();
document.documentElement.lang = initial;
void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
});

export default i18n;
