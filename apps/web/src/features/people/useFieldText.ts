import {
  agamaList,
  codeLabel,
  golonganDarahList,
  pekerjaanList,
  pendidikanKkList,
  pendidikanSedangList,
  shdkList,
  statusDasarList,
  statusKawinList,
  wargaNegaraList,
  type CodeList,
} from '@desmigratif/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import type { PersonField, PersonFormValues } from './personForm';

const codeLists: Partial<Record<PersonField, CodeList>> = {
  religion: agamaList,
  citizenship: wargaNegaraList,
  maritalStatus: statusKawinList,
  educationKk: pendidikanKkList,
  educationCurrent: pendidikanSedangList,
  occupation: pekerjaanList,
  bloodType: golonganDarahList,
  familyRelationship: shdkList,
  statusDasar: statusDasarList,
};

const dateFields: readonly PersonField[] = ['birthDate', 'passportExpiry'];

/** One form field's value as a person reads it: code-list labels, Indonesian dates. */
export function useFieldText(): (field: PersonField, values: PersonFormValues) => string {
  const { t } = useTranslation();
  return (field, values) => {
    const value = values[field];
    if (value === '') return '';
    if (field === 'sex') return value === '2' ? t('sex.2') : t('sex.1');
    const list = codeLists[field];
    if (list) return codeLabel(list, Number(value)) ?? value;
    if (dateFields.includes(field)) return formatDate(value);
    return value;
  };
}
