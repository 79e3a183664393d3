import { ageBands, migrantStatuses, statusDasarList } from '@desmigratif/contracts';
import { oneOf, optionalInt, optionalString, pageNumber } from '../../lib/searchParams';
import type { PeopleFilters } from './api';

const sexCodes = [1, 2];
const statusDasarCodes = statusDasarList.map((entry) => entry.code as number);

/** The registry's filters from the URL; anything unknown is dropped rather than sent to the server. */
export function readPeopleFilters(search: Record<string, unknown>): PeopleFilters {
  const sex = optionalInt(search.sex);
  const statusDasar = optionalInt(search.statusDasar);
  return {
    q: optionalString(search.q),
    migrantStatus: oneOf(migrantStatuses, search.migrantStatus),
    dusun: optionalString(search.dusun),
    sex: sex !== undefined && sexCodes.includes(sex) ? sex : undefined,
    ageBand: oneOf(ageBands, search.ageBand),
    statusDasar: statusDasar !== undefined && statusDasarCodes.includes(statusDasar) ? statusDasar : undefined,
    page: pageNumber(search.page),
  };
}
