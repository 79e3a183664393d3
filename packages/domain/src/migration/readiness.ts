import type { MigrationPlanInput, Readiness, ReadinessIssue } from '@desmigratif/contracts';
import { formatDmy, isIsoDate, todayInJakarta } from '../identity/calendar.js';
import { ageOn, anniversary, judgementDay } from './dates.js';
import { type ChecklistOptions, type ChecklistPlan, computeDocumentChecklist } from './documents.js';
import { type MigrantPerson, type PlanDocument, isMarried, readIdentity } from './person.js';

export type ReadinessPlan = ChecklistPlan & Pick<MigrationPlanInput, 'sector'>;

export type ReadinessOptions = ChecklistOptions & {
  /**
   * Below this age a domestic worker gets a warning, never a block. UU 39/2004 required
   * 21 for household employers; whether a minimum like it still applies under UU
   * 18/2017 is unconfirmed, so it is a setting.
   */
  minimumDomesticWorkerAge?: number;
};

export const defaultMinimumDomesticWorkerAge = 21;

/** UU 18/2017 Pasal 5 huruf a. */
export const minimumMigrantAge = 18;

/**
 * Whether the prospective migrant may be registered for departure: ready when nothing
 * blocks and every required document is complete. Under 18 on the expected departure
 * (UU 18/2017 Pasal 5 huruf a), an age that cannot be known, and a NIK that is not a
 * real Dukcapil number block; disagreements between the NIK and the record, a domestic
 * worker below the configurable age and unrecorded facts are warnings.
 *
 * @throws RangeError when `options.today` is not a YYYY-MM-DD date.
 */
export function assessReadiness(
  plan: ReadinessPlan,
  person: MigrantPerson,
  documents: readonly PlanDocument[],
  options: ReadinessOptions = {},
): Readiness {
  const today = options.today ?? todayInJakarta();
  if (!isIsoDate(today)) throw new RangeError(`today harus tanggal YYYY-MM-DD: ${today}`);
  const on = judgementDay(plan.expectedDepartureDate, today);
  const identity = readIdentity(person, today);
  const blockers: ReadinessIssue[] = [];
  const warnings: ReadinessIssue[] = [];

  if (identity.nik.temporary) {
    blockers.push({
      code: 'NIK_TEMPORARY',
      message: 'NIK masih sementara (belum dari Dukcapil); paspor dan pendaftaran CPMI memerlukan NIK asli.',
    });
  }
  for (const issue of identity.nik.issues) {
    const entry = { code: issue.code, message: `${issue.message}. Cocokkan dengan akta kelahiran dan data Dukcapil.` };
    (issue.severity === 'error' ? blockers : warnings).push(entry);
  }

  if (identity.birthDate === null) {
    blockers.push({
      code: 'BIRTH_DATE_UNKNOWN',
      message: 'Tanggal lahir belum tercatat dan tidak terbaca dari NIK, jadi usia minimal 18 tahun belum dapat diperiksa.',
    });
  } else {
    const age = ageOn(identity.birthDate, on.date);
    if (age < minimumMigrantAge) {
      blockers.push({
        code: 'UNDER_18',
        message: `Usia ${age} tahun pada ${on.words}; calon PMI harus berusia minimal 18 tahun (UU 18/2017 Pasal 5 huruf a). Genap 18 tahun pada ${formatDmy(anniversary(identity.birthDate, minimumMigrantAge))}.`,
      });
    } else if (plan.sector === 'domestik') {
      const minimum = options.minimumDomesticWorkerAge ?? defaultMinimumDomesticWorkerAge;
      if (age < minimum) {
        warnings.push({
          code: 'DOMESTIC_WORKER_AGE',
          message: `Usia ${age} tahun untuk pekerja rumah tangga. Aturan lama (UU 39/2004) mensyaratkan minimal ${minimum} tahun untuk pemberi kerja perseorangan; apakah batas ini masih berlaku belum dipastikan — tanyakan ke Disnaker.`,
        });
      }
    }
  }

  if (isMarried(person) === null) {
    warnings.push({
      code: 'MARITAL_STATUS_UNKNOWN',
      message: 'Status perkawinan belum tercatat; surat izin keluarga dan buku nikah bergantung padanya.',
    });
  }
  if (!plan.expectedDepartureDate) {
    warnings.push({
      code: 'DEPARTURE_DATE_UNKNOWN',
      message: 'Perkiraan tanggal berangkat belum diisi; usia dan masa berlaku dokumen diperiksa per hari ini.',
    });
  }

  const missing = computeDocumentChecklist(plan, person, documents, { ...options, today })
    .filter((item) => item.requirement === 'required' && !item.complete)
    .map((item) => ({ kind: item.kind, label: item.label, message: item.missing ?? `${item.label} belum lengkap.` }));

  return { ready: blockers.length === 0 && missing.length === 0, blockers, warnings, missing };
}
