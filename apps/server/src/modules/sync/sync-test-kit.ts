import { SYNC_FORMAT_VERSION, type SyncMutation, type SyncMutationName } from '@desmigratif/contracts';
import { v7 as uuidv7 } from 'uuid';

export const KENANGA = '3212162004';
export const KURIPAN = '3307102004';

/** A device's outbox in a test: mutations numbered in order, as the web client makes them. */
export function outbox(clientId: string = uuidv7()) {
  let seq = 0;
  return {
    clientId,
    next(name: SyncMutationName, args: Record<string, unknown>, extra: Partial<SyncMutation> = {}): SyncMutation {
      return { id: uuidv7(), clientId, seq: ++seq, name, args, createdAt: new Date().toISOString(), ...extra };
    },
    body(mutations: SyncMutation[], formatVersion = SYNC_FORMAT_VERSION) {
      return { formatVersion, clientId, mutations };
    },
  };
}
