import { programVillageStatusLabels, roleLabels } from '@desmigratif/contracts';
import en from './en.json';
import id from './id.json';
import accountEn from './slices/account.en.json';
import accountId from './slices/account.id.json';
import casesEn from './slices/cases.en.json';
import casesId from './slices/cases.id.json';
import homeEn from './slices/home.en.json';
import homeId from './slices/home.id.json';
import jobsEn from './slices/jobs.en.json';
import jobsId from './slices/jobs.id.json';
import plansEn from './slices/plans.en.json';
import plansId from './slices/plans.id.json';
import privacyEn from './slices/privacy.en.json';
import privacyId from './slices/privacy.id.json';
import servicesEn from './slices/services.en.json';
import servicesId from './slices/services.id.json';
import syncEn from './slices/sync.en.json';
import syncId from './slices/sync.id.json';
import offlineWorkEn from './slices/offlineWork.en.json';
import offlineWorkId from './slices/offlineWork.id.json';

/**
 * The translation trees. `id.json`/`en.json` hold the shell and the registry; each pillar-1
 * feature keeps its own top-level keys in `slices/<feature>.<lang>.json`. Indonesian role and
 * status names come from the contracts, so screens and server messages use the same words.
 */
export const idTranslation = {
  ...id,
  ...servicesId,
  ...plansId,
  ...jobsId,
  ...casesId,
  ...homeId,
  ...syncId,
  ...offlineWorkId,
  ...privacyId,
  ...accountId,
  role: roleLabels,
  villageStatus: programVillageStatusLabels,
};
export const enTranslation = { ...en, ...servicesEn, ...plansEn, ...jobsEn, ...casesEn, ...homeEn, ...syncEn, ...offlineWorkEn, ...privacyEn, ...accountEn };
