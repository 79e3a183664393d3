export type Change = 'added' | 'removed' | 'changed' | 'same';

export interface DiffLine {
  /** Dotted path of the field: `officers.0.phone`. */
  path: string;
  before: unknown;
  after: unknown;
  change: Change;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaves of a JSON value by dotted path; empty objects and arrays count as leaves. */
function flatten(value: unknown, prefix: string, into: Map<string, unknown>): Map<string, unknown> {
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : isPlainObject(value)
      ? Object.entries(value)
      : null;
  if (entries === null || entries.length === 0) {
    if (prefix !== '' || (value !== null && value !== undefined)) into.set(prefix, value);
    return into;
  }
  for (const [key, item] of entries) flatten(item, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

/** Field-by-field comparison of an audit entry's before and after records. */
export function diffRecords(before: unknown, after: unknown): DiffLine[] {
  const old = flatten(before, '', new Map());
  const next = flatten(after, '', new Map());
  const paths = [...old.keys(), ...[...next.keys()].filter((path) => !old.has(path))];
  return paths.map((path) => {
    const was = old.get(path);
    const is = next.get(path);
    const change: Change = !old.has(path)
      ? 'added'
      : !next.has(path)
        ? 'removed'
        : JSON.stringify(was) === JSON.stringify(is)
          ? 'same'
          : 'changed';
    return { path, before: was, after: is, change };
  });
}

/** A field value as text: strings as they are, absent as an em dash, everything else as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** `officers.0.phone` → "Petugas › #1 › Nomor HP", with names for the segments `label` knows. */
export function readablePath(path: string, label: (segment: string) => string | undefined): string {
  if (path === '') return '—';
  return path
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? `#${Number(segment) + 1}` : (label(segment) ?? segment)))
    .join(' › ');
}
