import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/** A Dexie query's result, kept current as the tables it reads change (also from other tabs). */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: () => setValue(undefined) });
    return () => subscription.unsubscribe();
    // Re-subscribes only when the caller's deps change, like useEffect.
  }, deps);
  return value;
}
