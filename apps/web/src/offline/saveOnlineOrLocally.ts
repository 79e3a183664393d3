import { isNetworkError } from './network';

/**
 * Saves through the online route when there is signal; without signal (or when the request
 * never reaches the server) through the outbox instead. Returns the server's answer, or
 * `undefined` when the change was kept on the phone. Server refusals (validation, scope) are
 * thrown as usual: they would fail the same way when synced.
 */
export async function saveOnlineOrLocally<T>(online: () => Promise<T>, local: () => Promise<unknown>): Promise<T | undefined> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) {
    await local();
    return undefined;
  }
  try {
    return await online();
  } catch (error) {
    if (!isNetworkError(error)) throw error;
    await local();
    return undefined;
  }
}
