import type { AuditEntry } from '@desmigratif/contracts';
import type { Queryable } from '@desmigratif/db';

type AuditRow = {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  region_code: string;
  before: unknown;
  after: unknown;
  ip: string | null;
};

export type AuditFilter = {
  scope: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

/** Reads the audit log of a scope, newest first. Dates are calendar days in WIB. */
export async function listAudit(db: Queryable, f: AuditFilter): Promise<{ items: AuditEntry[]; total: number }> {
  const where = [`region_code LIKE $1 || '%'`];
  const params: unknown[] = [f.scope];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.actorId) add('actor_id = ?', f.actorId);
  if (f.entityType) add('entity_type = ?', f.entityType);
  if (f.entityId) add('entity_id = ?', f.entityId);
  if (f.from) add(`at >= (?::date)::timestamp AT TIME ZONE 'Asia/Jakarta'`, f.from);
  if (f.to) add(`at < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'`, f.to);
  const whereSql = where.join(' AND ');
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE ${whereSql}`, params);
  const { rows } = await db.query<AuditRow>(
    `SELECT id::text, at, actor_id, actor_username, action, entity_type, entity_id, region_code, before, after, ip
       FROM audit_log WHERE ${whereSql} ORDER BY at DESC, id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    params,
  );
  return {
    total: total.rows[0]?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorUsername: r.actor_username,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      regionCode: r.region_code,
      before: r.before,
      after: r.after,
      ip: r.ip,
    })),
  };
}
