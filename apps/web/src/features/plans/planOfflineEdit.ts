/**
 * A plan edit made without signal (`plan.update`): the changed fields without `version`, and the
 * value each had when the form was opened, in the API's form — what the server compares to merge
 * the edit with changes made meanwhile (see apps/server/src/modules/sync/edits.ts).
 */
export function toOfflinePlanEdit(
  request: Record<string, unknown>,
  baseline: Record<string, unknown>,
): { changes: Record<string, unknown>; baseVersion: string; base: Record<string, unknown> } {
  const { version, ...changes } = request;
  const base = Object.fromEntries(Object.keys(changes).map((field) => [field, baseline[field] ?? null]));
  return { changes, baseVersion: String(version), base };
}
