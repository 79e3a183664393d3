import type { Family, SessionUser } from '@desmigratif/contracts';
import { maskIdentityNumber, normalizePersonName, parseNoKk, seesFullIdentity, todayInJakarta } from '@desmigratif/domain';
import { type Pool, type Queryable, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { assertInScope } from '../../platform/access-control.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.js';
import * as families from './families-repository.js';
import * as people from './repository.js';
import { toSummary } from './service.js';


/**
 * Checks a No. KK for a family of `villageCode` and returns the date the card was issued
 * (from the number), when it has one. A card is issued where the family lives, so one
 * from another province cannot belong here: a family that moved gets a new card.
 */
function assertValidNoKk(noKk: string, villageCode: string): string | null {
  const parsed = parseNoKk(noKk);
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  if (errors.length) throw validationFailed(errors.map((i) => ({ path: 'noKk', message: i.message })), errors[0]!.message);
  if (!parsed.temporary && parsed.provinceCode !== villageCode.slice(0, 2)) {
    throw validationFailed([
      {
        path: 'noKk',
        message: `No. KK ini diterbitkan di provinsi lain (kode ${parsed.provinceCode}); keluarga yang pindah mendapat KK baru dari Dukcapil setempat`,
      },
    ]);
  }
  return parsed.issueDate;
}

const dmy = (iso: string) => iso.split('-').reverse().join('-');

async function loadFamily(db: Queryable, request: FastifyRequest, id: string, forUpdate = false) {
  const family = await families.findFamily(db, id, forUpdate);
  if (!family) throw notFound('Keluarga');
  assertInScope(request, family.village_code);
  return family;
}

async function assertHeadInFamily(db: Queryable, headPersonId: string | null | undefined, villageCode: string) {
  if (!headPersonId) return;
  const head = await people.findPerson(db, headPersonId);
  if (!head || head.deleted_at || head.village_code !== villageCode) {
    throw validationFailed([{ path: 'headPersonId', message: 'Kepala keluarga harus warga desa ini' }]);
  }
}

export async function getFamily(pool: Pool, request: FastifyRequest, viewer: SessionUser, id: string): Promise<Family> {
  const family = await loadFamily(pool, request, id);
  const [members, history] = await Promise.all([people.listFamilyMembers(pool, id), families.cardHistory(pool, id)]);
  const full = seesFullIdentity(viewer.role);
  const mask = (v: string) => (full ? v : maskIdentityNumber(v));
  return {
    id: family.id,
    villageCode: family.village_code,
    noKk: family.no_kk === null ? null : mask(family.no_kk),
    noKkMasked: !full,
    noKkTemporary: family.no_kk?.startsWith('0') ?? false,
    noKkHistory: history.map((h) => ({ noKk: mask(h.no_kk), validFrom: h.valid_from, validTo: h.valid_to })),
    headPersonId: family.head_person_id,
    headName: family.head_name,
    address: family.address,
    dusun: family.dusun,
    rw: family.rw,
    rt: family.rt,
    members: members.map((m) => ({ ...toSummary(m, viewer), familyRelationship: m.family_relationship })),
    version: family.version,
  };
}

export async function createFamily(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  villageCode: string,
  input: { id?: string; noKk: string; headPersonId?: string | null; address?: string | null; dusun?: string | null; rw?: string | null; rt?: string | null },
): Promise<Family> {
  const issuedOn = assertValidNoKk(input.noKk, villageCode);
  const id = input.id ?? uuidv7();
  await withTransaction(pool, async (tx) => {
    if (await families.findFamily(tx, id)) return;
    const sameCard = await families.findFamilyByCurrentCard(tx, villageCode, input.noKk);
    if (sameCard) {
      throw new AppError(409, 'FAMILY_EXISTS', 'Keluarga dengan No. KK ini sudah tercatat di desa ini.', { familyId: sameCard });
    }
    await assertHeadInFamily(tx, input.headPersonId, villageCode);
    const values = {
      headPersonId: input.headPersonId ?? null,
      address: input.address ?? null,
      dusun: input.dusun ?? null,
      rw: input.rw ?? null,
      rt: input.rt ?? null,
    };
    await families.insertFamily(tx, { id, villageCode, createdBy: actor.id, ...values });
    await families.setCardNumber(tx, { id: uuidv7(), familyId: id, villageCode, noKk: input.noKk, validFrom: issuedOn ?? todayInJakarta(), recordedBy: actor.id });
    if (input.headPersonId) {
      await tx.query(`UPDATE people SET family_id = $1, family_relationship = 1 WHERE id = $2`, [id, input.headPersonId]);
    }
    await recordAudit(tx, request, { action: 'create', entityType: 'family', entityId: id, regionCode: villageCode, after: { ...values, noKk: input.noKk } });
  });
  return getFamily(pool, request, actor, id);
}

export async function updateFamily(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  id: string,
  input: { noKk?: string; noKkValidFrom?: string; headPersonId?: string | null; address?: string | null; dusun?: string | null; rw?: string | null; rt?: string | null; version: string },
): Promise<Family> {
  await withTransaction(pool, async (tx) => {
    const current = await loadFamily(tx, request, id, true);
    if (current.version !== input.version) throw versionConflict();
    const { version: _v, noKk, noKkValidFrom, ...fields } = input;
    await assertHeadInFamily(tx, fields.headPersonId, current.village_code);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (noKk !== undefined && noKk !== current.no_kk) {
      const issuedOn = assertValidNoKk(noKk, current.village_code);
      const validFrom = noKkValidFrom ?? issuedOn ?? todayInJakarta();
      if (validFrom > todayInJakarta()) throw validationFailed([{ path: 'noKkValidFrom', message: 'Tanggal KK baru tidak boleh di masa depan' }]);
      const [currentCard] = await families.cardHistory(tx, id);
      // A temporary number (0 + village code + sequence) stood in for the real card, which may
      // well be older: replacing it needs no date order.
      const replacesTemporary = currentCard?.no_kk.startsWith('0') ?? false;
      if (currentCard && !replacesTemporary && validFrom <= currentCard.valid_from) {
        throw validationFailed([
          { path: 'noKkValidFrom', message: `Tanggal KK baru harus sesudah tanggal KK lama (${dmy(currentCard.valid_from)})` },
        ]);
      }
      await families.setCardNumber(tx, { id: uuidv7(), familyId: id, villageCode: current.village_code, noKk, validFrom, recordedBy: actor.id });
      before.noKk = current.no_kk;
      after.noKk = noKk;
    }
    const columns = { headPersonId: 'head_person_id', address: 'address', dusun: 'dusun', rw: 'rw', rt: 'rt' } as const;
    for (const [key, column] of Object.entries(columns)) {
      const value = fields[key as keyof typeof fields];
      const old = current[column as keyof families.FamilyRow];
      if (value !== undefined && value !== old) {
        before[key] = old;
        after[key] = value;
      }
    }
    if (!Object.keys(after).length) return;
    await families.updateFamily(tx, id, fields);
    if (fields.headPersonId) {
      await tx.query(`UPDATE people SET family_id = $1, family_relationship = 1 WHERE id = $2`, [id, fields.headPersonId]);
    }
    await recordAudit(tx, request, { action: 'update', entityType: 'family', entityId: id, regionCode: current.village_code, before, after });
  });
  return getFamily(pool, request, actor, id);
}

export async function listFamilies(pool: Pool, viewer: SessionUser, villageCode: string, query: { q?: string; page: number; pageSize: number }) {
  const digits = query.q && /^[\d\s.]+$/.test(query.q) ? query.q.replace(/\D/g, '') : undefined;
  const text = !digits && query.q ? normalizePersonName(query.q) : undefined;
  const { rows, total } = await families.listFamilies(pool, villageCode, { text, digits, page: query.page, pageSize: query.pageSize });
  const full = seesFullIdentity(viewer.role);
  return {
    items: rows.map((f) => ({
      id: f.id,
      noKk: f.no_kk === null ? null : full ? f.no_kk : maskIdentityNumber(f.no_kk),
      noKkMasked: !full,
      headName: f.head_name,
      memberCount: f.member_count,
      dusun: f.dusun,
      rw: f.rw,
      rt: f.rt,
      migrantCount: f.migrant_count,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
