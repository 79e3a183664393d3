import type { SyncConflict } from '@desmigratif/contracts';

export type Choice = 'mine' | 'theirs';

/** The applied edit stays unless the person resolving picks the other value. */
export function defaultChoices(conflict: Pick<SyncConflict, 'fields'>): Record<string, Choice> {
  return Object.fromEntries(conflict.fields.map((field) => [field.field, 'mine' as const]));
}

/** A field value as text; null for "nothing" so the screen can say "(kosong)". */
export function displayValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
