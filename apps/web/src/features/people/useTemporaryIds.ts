import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { FamilyPage } from '../families/api';
import type { PeoplePage } from './api';
import { nextTemporaryId } from './temporaryId';

/** The most temporary numbers of one village read to find the next free one. */
const lookupSize = 200;

/**
 * The next temporary NIK and No. KK of a village, asked of the server when the officer presses the button (not
 * before), so the number follows whatever was recorded up to that moment.
 */
export function useTemporaryIds(villageCode: string) {
  const queryClient = useQueryClient();
  const prefix = `0${villageCode}`;
  const query = { q: prefix, pageSize: lookupSize };
  return {
    nextNik: async () => {
      const page = await queryClient.fetchQuery({
        queryKey: ['people', 'temporary', villageCode],
        queryFn: ({ signal }) => api.get<PeoplePage>(`/villages/${villageCode}/people`, query, signal),
        staleTime: 0,
      });
      return nextTemporaryId(villageCode, page.items.map((person) => person.nik), page.total);
    },
    nextNoKk: async () => {
      const page = await queryClient.fetchQuery({
        queryKey: ['families', 'temporary', villageCode],
        queryFn: ({ signal }) => api.get<FamilyPage>(`/villages/${villageCode}/families`, query, signal),
        staleTime: 0,
      });
      return nextTemporaryId(villageCode, page.items.map((family) => family.noKk ?? ''), page.total);
    },
  };
}
