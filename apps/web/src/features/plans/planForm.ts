import type {
  FeeFreeOccupation,
  MigrationPlanDetail,
  MigrationPlanInput,
  PlacementScheme,
  RecruiterContact,
  Sector,
  VisaType,
} from '@desmigratif/contracts';
import { blankToNull } from '../../lib/validation';

/** Yes / no / not known yet: the rules raise no flag on an answer not given. */
export type TriState = '' | 'true' | 'false';

/** The plan form holds text as typed; `toPlanInput` turns it into the API's shape. */
export interface PlanFormValues {
  destinationCountry: string;
  occupation: string;
  feeFreeOccupation: FeeFreeOccupation | '';
  sector: Sector | '';
  scheme: PlacementScheme | '';
  agencyName: string;
  agencyLicenceNumber: string;
  jobOrderReference: string;
  expectedDepartureDate: string;
  visaType: VisaType | '';
  feesAskedRupiah: number | '';
  feesToPersonalAccount: TriState;
  recruiterContact: RecruiterContact | '';
  shelterBeforeDocuments: TriState;
  contractReadable: TriState;
}

export const emptyPlanForm: PlanFormValues = {
  destinationCountry: '',
  occupation: '',
  feeFreeOccupation: '',
  sector: '',
  scheme: '',
  agencyName: '',
  agencyLicenceNumber: '',
  jobOrderReference: '',
  expectedDepartureDate: '',
  visaType: '',
  feesAskedRupiah: '',
  feesToPersonalAccount: '',
  recruiterContact: '',
  shelterBeforeDocuments: '',
  contractReadable: '',
};

const tri = (value: boolean | null | undefined): TriState => (value === true ? 'true' : value === false ? 'false' : '');
const fromTri = (value: TriState): boolean | null => (value === '' ? null : value === 'true');

export function planToForm(plan: MigrationPlanDetail): PlanFormValues {
  return {
    destinationCountry: plan.destinationCountry,
    occupation: plan.occupation,
    feeFreeOccupation: plan.feeFreeOccupation ?? '',
    sector: plan.sector,
    scheme: plan.scheme,
    agencyName: plan.agencyName ?? '',
    agencyLicenceNumber: plan.agencyLicenceNumber ?? '',
    jobOrderReference: plan.jobOrderReference ?? '',
    expectedDepartureDate: plan.expectedDepartureDate ?? '',
    visaType: plan.visaType ?? '',
    feesAskedRupiah: plan.feesAskedRupiah ?? '',
    feesToPersonalAccount: tri(plan.feesToPersonalAccount),
    recruiterContact: plan.recruiterContact ?? '',
    shelterBeforeDocuments: tri(plan.shelterBeforeDocuments),
    contractReadable: tri(plan.contractReadable),
  };
}

/** Every field, blanks as null; the schema (and the server) judge what is missing. */
export function toPlanInput(values: PlanFormValues): Record<keyof MigrationPlanInput, unknown> {
  return {
    destinationCountry: values.destinationCountry,
    occupation: values.occupation,
    feeFreeOccupation: values.feeFreeOccupation || null,
    sector: values.sector || undefined,
    scheme: values.scheme || undefined,
    agencyName: blankToNull(values.agencyName),
    agencyLicenceNumber: blankToNull(values.agencyLicenceNumber),
    jobOrderReference: blankToNull(values.jobOrderReference),
    expectedDepartureDate: blankToNull(values.expectedDepartureDate),
    visaType: values.visaType || null,
    feesAskedRupiah: values.feesAskedRupiah === '' ? null : values.feesAskedRupiah,
    feesToPersonalAccount: fromTri(values.feesToPersonalAccount),
    recruiterContact: values.recruiterContact || null,
    shelterBeforeDocuments: fromTri(values.shelterBeforeDocuments),
    contractReadable: fromTri(values.contractReadable),
  };
}

/** The fields whose value differs between two forms (what someone else changed, or what the user changed). */
export function changedPlanFields(a: PlanFormValues, b: PlanFormValues): (keyof PlanFormValues)[] {
  return (Object.keys(a) as (keyof PlanFormValues)[]).filter((field) => a[field] !== b[field]);
}
