import { formatRegionCode } from '@desmigratif/contracts';
import { useTranslation } from 'react-i18next';
import { displayRegionName, isKelurahan } from './regions';

/** Names a region the way people say it: "Desa Kenanga", "Kec. Sindang", "Kabupaten Indramayu", "Nasional". */
export function useRegionName(): (code: string, name: string) => string {
  const { t } = useTranslation();
  return (code, name) => {
    const shown = displayRegionName(name);
    if (code === '') return shown || t('region.national');
    if (/^(desa|kelurahan|kecamatan|kec\.)\s/i.test(shown)) return shown;
    if (code.length === 10) return t(isKelurahan(code) ? 'region.kelurahanName' : 'region.desaName', { name: shown });
    if (code.length === 6) return t('region.kecamatanName', { name: shown });
    return shown;
  };
}

/** "Desa Kenanga · 32.12.16.2004", or "Nasional" for the whole country. */
export function useScopeLabel(): (code: string, name: string) => string {
  const regionName = useRegionName();
  const { t } = useTranslation();
  return (code, name) => (code === '' ? t('region.national') : `${regionName(code, name)} · ${formatRegionCode(code)}`);
}
