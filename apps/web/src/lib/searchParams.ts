/** Readers for URL search parameters. The router turns `?kode=3212` into the number 3212, so codes are read back as strings. */

export function optionalString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Digits only (a region code or a year), else undefined. */
export function optionalDigits(value: unknown): string | undefined {
  const text = optionalString(value);
  return text && /^\d+$/.test(text) ? text : undefined;
}

export function optionalInt(value: unknown): number | undefined {
  const text = optionalString(value);
  if (!text || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

export function pageNumber(value: unknown): number | undefined {
  const page = optionalInt(value);
  return page && page > 1 ? page : undefined;
}

export function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.find((item) => item === value);
}

/** Only a path on this site may follow the login, never another host (`//evil.example`). */
export function safeRedirect(value: unknown): string | undefined {
  const text = optionalString(value);
  return text && text.startsWith('/') && !text.startsWith('//') && !text.startsWith('/\\') ? text : undefined;
}
