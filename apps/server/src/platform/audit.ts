import type { Queryable } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';

export type AuditEvent = {
  action: string;
  entityType: string;
  entityId: string;
  /** The region the record belongs to ('' = national), for scoped reading. */
  regionCode: string;
  before?: unknown;
  after?: unknown;
  /** Who acted, when it is not (yet) the request's signed-in user — e.g. at login. */
  actor?: { id: string; username: string };
};

const secretKeys = new Set(['password', 'passwordHash', 'password_hash', 'newPassword', 'currentPassword', 'resetPassword', 'csrfToken']);

/**
 * Identity numbers are sealed in their tables; the audit log keeps only a masked form (first
 * and last four characters), enough to tell which number changed into which without the log
 * becoming a copy of the register. Any 16-digit string is masked wherever it appears.
 */
const identityKeys = new Set([
  'nik', 'noKk', 'no_kk', 'fatherNik', 'father_nik', 'motherNik', 'mother_nik', 'passportNumber', 'passport_number',
  'birthCertificate', 'birth_certificate', 'kitasNumber', 'kitas_number', 'marriageCertificate', 'marriage_certificate',
  'divorceCertificate', 'divorce_certificate', 'insuranceNumber', 'insurance_number', 'tagIdCard', 'tag_id_card',
  'documentNumber',
]);

export function maskIdentity(value: string): string {
  if (value.length <= 8) return '•'.repeat(value.length);
  return `${value.slice(0, 4)}${'•'.repeat(value.length - 8)}${value.slice(-4)}`;
}

function redact(value: unknown, key = ''): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (secretKeys.has(key)) return '[disembunyikan]';
  if (typeof value === 'string' && (identityKeys.has(key) || /^\d{16}$/.test(value))) return maskIdentity(value);
  if (typeof value === 'number' && identityKeys.has(key)) return maskIdentity(String(value));
  if (Array.isArray(value)) return value.map((v) => redact(v, key));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}

/**
 * Appends one entry to the audit log, in the caller's transaction so that a write
 * and its trace land together or not at all.
 */
export async function recordAudit(db: Queryable, request: FastifyRequest | null, event: AuditEvent): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_id, actor_username, action, entity_type, entity_id, region_code, before, after, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      event.actor?.id ?? request?.user?.id ?? null,
      event.actor?.username ?? request?.user?.username ?? null,
      event.action,
      event.entityType,
      event.entityId,
      event.regionCode,
      event.before === undefined ? null : JSON.stringify(redact(event.before)),
      event.after === undefined ? null : JSON.stringify(redact(event.after)),
      request?.ip ?? null,
    ],
  );
}
