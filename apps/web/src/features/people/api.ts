import type {
  ageBands,
  CreatePersonRequest,
  familyLinkRelations,
  listPeopleResponseSchema,
  MigrantStatus,
  PersonDetail,
  recordConsentRequestSchema,
  recordMigrantStatusRequestSchema,
  UpdatePersonRequest,
} from '@desmigratif/contracts';
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type PeoplePage = z.infer<typeof listPeopleResponseSchema>;
export type AgeBand = (typeof ageBands)[number];
export type FamilyLinkRelation = (typeof familyLinkRelations)[number];
export type RecordMigrantStatusRequest = z.infer<typeof recordMigrantStatusRequestSchema>;
export type RecordConsentRequest = z.infer<typeof recordConsentRequestSchema>;

export interface PeopleFilters {
  q?: string;
  migrantStatus?: MigrantStatus;
  dusun?: string;
  sex?: number;
  ageBand?: AgeBand;
  statusDasar?: number;
  page?: number;
}

export const peoplePageSize = 25;

export const peopleKeys = {
  all: ['people'] as const,
  village: (villageCode: string) => ['people', 'list', villageCode] as const,
  list: (villageCode: string, filters: PeopleFilters, pageSize: number) =>
    ['people', 'list', villageCode, filters, pageSize] as const,
  person: (id: string) => ['people', 'person', id] as const,
};

export function usePeople(villageCode: string, filters: PeopleFilters, pageSize = peoplePageSize, enabled = true) {
  return useQuery({
    enabled,
    queryKey: peopleKeys.list(villageCode, filters, pageSize),
    queryFn: ({ signal }) =>
      api.get<PeoplePage>(
        `/villages/${villageCode}/people`,
        { ...filters, page: filters.page ?? 1, pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function personQuery(id: string) {
  return queryOptions({
    queryKey: peopleKeys.person(id),
    queryFn: ({ signal }) => api.get<PersonDetail>(`/people/${id}`, undefined, signal),
  });
}

export function usePerson(id: string) {
  return useQuery(personQuery(id));
}

/** After any write: the saved person as the server answered, and every list that may show them. */
async function remember(queryClient: QueryClient, person: PersonDetail): Promise<void> {
  queryClient.setQueryData(peopleKeys.person(person.id), person);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: peopleKeys.village(person.villageCode) }),
    queryClient.invalidateQueries({ queryKey: ['families'] }),
  ]);
}

export function useCreatePerson(villageCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreatePersonRequest) => api.post<PersonDetail>(`/villages/${villageCode}/people`, request),
    onSuccess: (person) => remember(queryClient, person),
  });
}

/** Every write on one person's page answers with the whole person again. */
function usePersonWrite<Variables>(request: (variables: Variables) => Promise<PersonDetail>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: (person) => remember(queryClient, person) });
}

export function useUpdatePerson(id: string) {
  return usePersonWrite((request: UpdatePersonRequest) => api.patch<PersonDetail>(`/people/${id}`, request));
}

export function useRecordMigrantStatus(id: string) {
  return usePersonWrite((request: RecordMigrantStatusRequest) => api.post<PersonDetail>(`/people/${id}/migrant-status`, request));
}

export function useRecordConsent(id: string) {
  return usePersonWrite((request: RecordConsentRequest) => api.post<PersonDetail>(`/people/${id}/consents`, request));
}

export function useWithdrawConsent(id: string) {
  return usePersonWrite((consentId: string) =>
    api.post<PersonDetail>(`/people/${id}/consents/${consentId}/withdraw`),
  );
}

/** A link always runs from the migrant to the relative left behind, whichever of the two pages it was added on. */
export function useAddFamilyLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ migrantId, ...request }: { migrantId: string; id: string; relativeId: string; relation: FamilyLinkRelation }) =>
      api.post<PersonDetail>(`/people/${migrantId}/links`, request),
    onSuccess: async (migrant, link) => {
      await remember(queryClient, migrant);
      await queryClient.invalidateQueries({ queryKey: peopleKeys.person(link.relativeId) });
    },
  });
}

export function useRemoveFamilyLink(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (link: { id: string; otherId: string }) => api.delete<PersonDetail>(`/people/${id}/links/${link.id}`),
    onSuccess: async (person, link) => {
      await remember(queryClient, person);
      await queryClient.invalidateQueries({ queryKey: peopleKeys.person(link.otherId) });
    },
  });
}
