interface StatusEvent {
  effectiveDate: string;
  recordedAt: string;
}

/** Newest first: by the date the status took effect, then by when it was recorded (a correction on the same day wins). */
export function newestFirst<T extends StatusEvent>(events: readonly T[]): T[] {
  return [...events].sort(
    (a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.recordedAt.localeCompare(a.recordedAt),
  );
}
