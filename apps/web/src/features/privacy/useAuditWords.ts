import { useTranslation } from 'react-i18next';
import { privacyActions, privacyEntities } from './words';

/** Audit actions and record types in the reader's language; unknown ones as the server wrote them. */
export function useAuditWords() {
  const { t } = useTranslation();
  return {
    action: (action: string) => {
      const known = privacyActions.find((a) => a === action);
      return known ? t(`privacy.action.${known}`) : action;
    },
    entity: (type: string) => {
      const known = privacyEntities.find((e) => e === type);
      return known ? t(`privacy.entity.${known}`) : type;
    },
  };
}
