/**
 * Asks the browser not to evict this site's storage under pressure: the outbox may hold the only
 * copy of a day's work. Browsers may say no (Chrome decides by engagement); nothing to do then.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
