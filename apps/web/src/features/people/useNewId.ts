import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';

/**
 * A UUIDv7 made on this device once per form, so a save retried after a lost answer (or pressed twice) records one
 * row, not two: the server treats a second create with the same id as the same record.
 */
export function useNewId(): string {
  const [id] = useState(() => uuidv7());
  return id;
}
