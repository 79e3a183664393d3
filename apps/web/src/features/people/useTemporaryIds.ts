import { useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { ApiError, api } from '../../lib/api';
import { offlineDb } from '../../offline/db';
import { isNetworkError } from '../../offline/network';
import { allocateOfflineTemporaryNik } from '../../offline/temporaryIds';
import type { FamilyPage } from '../families/api';
import type { PeoplePage } from './api';
import { nextTemporaryId } from './temporaryId';

/** The most temporary numbers of one village read to find the next free one. */
const lookupSize = 200;

/**
 * The next temporary NIK and No. KK of a village, asked of the server when the officer presses the button (not
 * before), so the number follows whatever was recorded up to that moment. Without signal a NIK is given on the
 * phone from the range kept for that (offline/temporaryIds.ts).
 */
export function useTemporaryIds(villageCode: string) {
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const offlineNik = async () => {
    const nik = await allocateOfflineTemporaryNik(offlineDb(), user.id, villageCode);
    if (!nik) throw new ApiError(0, 'TEMPORARY_IDS_EXHAUSTED', i18n.t('offlineWork.temporaryNikExhausted'));
    return nik;
  };
  const prefix = `0${villageCode}`;
  const query = { q: prefix, pageSize: lookupSize };
  return {
    nextNik: async () => {
      if (!navigator.onLine) return offlineNik();
      try {
        const page = await queryClient.fetchQuery({
          queryKey: ['people', 'temporary', villageCode],
          queryFn: ({ signal }) => api.get<PeoplePage>(`/villages/${villageCode}/people`, query, signal),
          staleTime: 0,
        });
        return nextTemporaryId(villageCode, page.items.map((person) => person.nik), page.total);
      } catch (error) {
        if (isNetworkError(error)) return offlineNik();
        throw error;
      }
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
