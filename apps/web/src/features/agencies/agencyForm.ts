import { type Agency, type CreateAgencyRequest, formatBranches, parseBranches } from '@desmigratif/contracts';
import { blankToNull } from '../../lib/validation';

/** The agency form's values: branches as one text, a line or semicolon per branch (as in the spreadsheet). */
export interface AgencyFormValues {
  name: string;
  licenceNumber: string;
  licenceValidUntil: string;
  address: string;
  branches: string;
}

export const emptyAgencyForm: AgencyFormValues = { name: '', licenceNumber: '', licenceValidUntil: '', address: '', branches: '' };

export function agencyToForm(agency: Agency): AgencyFormValues {
  return {
    name: agency.name,
    licenceNumber: agency.licenceNumber,
    licenceValidUntil: agency.licenceValidUntil ?? '',
    address: agency.address ?? '',
    branches: (formatBranches(agency.branches) ?? '').replaceAll('; ', '\n'),
  };
}

export function formToAgencyRequest(values: AgencyFormValues): CreateAgencyRequest {
  return {
    name: values.name.trim(),
    licenceNumber: values.licenceNumber.trim(),
    licenceValidUntil: blankToNull(values.licenceValidUntil),
    address: blankToNull(values.address),
    branches: parseBranches(values.branches),
  };
}
