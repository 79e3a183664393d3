import type { CreateJobOrderRequest, JobOrder, PlacementScheme, Sector } from '@desmigratif/contracts';
import { formatNumber } from '../../lib/format';
import { blankToNull } from '../../lib/validation';

/** The job order form's values: inputs hold text, '' meaning "not filled in". */
export interface JobFormValues {
  country: string;
  occupation: string;
  sector: Sector | '';
  scheme: PlacementScheme | '';
  agencyId: string;
  quota: string;
  salaryAmount: string;
  salaryCurrency: string;
  closingDate: string;
  referenceNumber: string;
  description: string;
  requirements: string;
}

export const emptyJobForm: JobFormValues = {
  country: '',
  occupation: '',
  sector: '',
  scheme: '',
  agencyId: '',
  quota: '',
  salaryAmount: '',
  salaryCurrency: '',
  closingDate: '',
  referenceNumber: '',
  description: '',
  requirements: '',
};

export function jobToForm(job: JobOrder): JobFormValues {
  return {
    country: job.country,
    occupation: job.occupation,
    sector: job.sector,
    scheme: job.scheme,
    agencyId: job.agency?.id ?? '',
    quota: job.quota === null ? '' : String(job.quota),
    salaryAmount: job.salaryAmount === null ? '' : String(job.salaryAmount),
    salaryCurrency: job.salaryCurrency ?? '',
    closingDate: job.closingDate ?? '',
    referenceNumber: job.referenceNumber ?? '',
    description: job.description ?? '',
    requirements: job.requirements ?? '',
  };
}

/** A number typed the Indonesian way ("4.990" or "4990,50") as a number; text that is not one is sent as is for the server to refuse. */
export function parseAmount(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const normalised = trimmed.replace(/\s/g, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  const value = Number(normalised);
  return Number.isFinite(value) ? value : trimmed;
}

export function formToJobRequest(values: JobFormValues): CreateJobOrderRequest {
  // A cleared Mantine Select gives null, not ''.
  const text = (value: string | null) => blankToNull(value ?? '');
  return {
    country: (values.country ?? '') as CreateJobOrderRequest['country'],
    occupation: (values.occupation ?? '').trim(),
    sector: (values.sector ?? '') as Sector,
    scheme: (values.scheme ?? '') as PlacementScheme,
    agencyId: text(values.agencyId),
    quota: parseAmount(values.quota ?? '') as number | null,
    salaryAmount: parseAmount(values.salaryAmount ?? '') as number | null,
    salaryCurrency: text(values.salaryCurrency)?.toUpperCase() ?? null,
    closingDate: text(values.closingDate),
    referenceNumber: text(values.referenceNumber),
    description: text(values.description),
    requirements: text(values.requirements),
  };
}

/** HKD 4.990 — a salary in its own currency, grouped the Indonesian way. */
export function formatSalary(amount: number | null, currency: string | null): string | null {
  if (amount === null || currency === null) return null;
  return `${currency} ${formatNumber(amount)}`;
}
