import { createHash, randomBytes } from 'node:crypto';
import {
  type LetterKind,
  type LetterVerification,
  type PlanLettersResponse,
  type SessionUser,
  destinationCountryName,
  placementSchemeLabels,
} from '@desmigratif/contracts';
import { todayInJakarta } from '@desmigratif/domain';
import { type Pool, type Queryable, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, validationFailed } from '../../platform/errors.js';
import { formatLetterNumber, initialsOf, type PermissionRelation, permissionRelationInKk, permissionRelationLabels } from './letters-format.js';
import { type LetterPerson, renderLetterPdf } from './letters-pdf.js';
import * as repo from './letters-repository.js';
import { loadPlan } from './plans-service.js';

function addressOf(p: repo.LetterPersonRow, villageName: string): string {
  const parts = [p.address?.trim(), p.rt && p.rw ? `RT ${p.rt}/RW ${p.rw}` : null, p.dusun ? `Dusun ${p.dusun}` : null, `Desa ${villageName}`];
  return parts.filter(Boolean).join(', ');
}

function letterPerson(p: repo.LetterPersonRow, villageName: string): LetterPerson {
  return { name: p.name, nik: p.nik, birthPlace: p.birth_place, birthDate: p.birth_date, address: addressOf(p, villageName) };
}

/** Relatives who may give the family permission: spouse or parent, by a link or by the KK. */
async function permissionGivers(db: Queryable, migrant: repo.LetterPersonRow) {
  const givers = new Map<string, { person: repo.LetterPersonRow; relation: PermissionRelation }>();
  for (const row of await repo.listRelatives(db, migrant)) {
    const relation =
      row.link_relation === 'pasangan' || row.link_relation === 'orang_tua'
        ? row.link_relation
        : row.family_id === migrant.family_id
          ? permissionRelationInKk(migrant.family_relationship, row.family_relationship)
          : null;
    if (relation && !givers.has(row.id)) givers.set(row.id, { person: row, relation });
  }
  return [...givers.values()];
}

async function letterhead(db: Queryable, villageCode: string) {
  const head = await repo.findLetterhead(db, villageCode);
  if (!head) throw notFound('Desa');
  return head;
}

/** The plan's letters so far, who may sign the permission, and whether the head is known. */
export async function planLetters(pool: Pool, request: FastifyRequest, planId: string): Promise<PlanLettersResponse> {
  const plan = await loadPlan(pool, request, planId);
  const migrant = await repo.findLetterPerson(pool, plan.person_id);
  const head = await letterhead(pool, plan.village_code);
  return {
    letters: (await repo.listLetters(pool, planId)).map((l) => ({
      id: l.id,
      kind: l.kind as LetterKind,
      number: l.number,
      issuedAt: l.issued_at.toISOString(),
      issuedByName: l.issued_by_name,
    })),
    familyMembers: migrant
      ? (await permissionGivers(pool, migrant)).map((g) => ({ id: g.person.id, name: g.person.name, relation: permissionRelationLabels[g.relation] }))
      : [],
    villageHeadName: head.head_name,
  };
}

/**
 * Issues one letter for a plan: takes the village's next number, renders the PDF from the
 * recorded data with a QR code to the public verification page, and stores the letter
 * (with the PDF's SHA-256) and an audit entry — all in one transaction, so a number is
 * never used twice nor skipped by a failed rendering.
 */
export async function issueLetter(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  planId: string,
  kind: LetterKind,
  options: { familyMemberId?: string; origin: string },
): Promise<{ fileName: string; pdf: Buffer }> {
  return withTransaction(pool, async (tx) => {
    const plan = await loadPlan(tx, request, planId, true);
    if (plan.status === 'batal') throw new AppError(409, 'PLAN_CANCELLED', 'Rencana migrasi ini sudah dibatalkan; surat tidak dapat dibuat.');
    const head = await letterhead(tx, plan.village_code);
    if (!head.head_name?.trim()) {
      throw new AppError(409, 'VILLAGE_HEAD_MISSING', 'Nama kepala desa belum dicatat pada data desa program. Lengkapi dulu data desa.');
    }
    const migrant = await repo.findLetterPerson(tx, plan.person_id);
    if (!migrant) throw notFound('Data orang');

    let familyMember: (LetterPerson & { relation: string }) | undefined;
    if (kind === 'izin_keluarga') {
      const giver = (await permissionGivers(tx, migrant)).find((g) => g.person.id === options.familyMemberId);
      if (!giver) {
        throw validationFailed([
          { path: 'familyMemberId', message: 'Pilih suami/istri atau orang tua calon PMI (satu KK atau keluarga yang sudah dihubungkan)' },
        ]);
      }
      familyMember = { ...letterPerson(giver.person, head.village), relation: permissionRelationLabels[giver.relation] };
    }

    const issuedOn = todayInJakarta();
    const year = Number(issuedOn.slice(0, 4));
    const number = formatLetterNumber(kind, await repo.nextLetterSequence(tx, plan.village_code, year), year);
    // 24 random bytes: the token cannot be guessed, so the public page can only confirm a paper in hand.
    const token = randomBytes(24).toString('base64url');
    const pdf = await renderLetterPdf({
      kind,
      number,
      issuedOn,
      village: { name: head.village, district: head.district, regency: head.regency },
      villageHeadName: head.head_name,
      holder: letterPerson(migrant, head.village),
      familyMember,
      plan: {
        destination: destinationCountryName(plan.destination_country),
        occupation: plan.occupation,
        agency: plan.agency_name,
        scheme: placementSchemeLabels[plan.scheme as keyof typeof placementSchemeLabels] ?? plan.scheme,
      },
      verifyUrl: `${options.origin}/verifikasi/${token}`,
    });
    const id = uuidv7();
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const familyMemberId = kind === 'izin_keluarga' ? options.familyMemberId! : null;
    await repo.insertLetter(tx, { id, villageCode: plan.village_code, planId, kind, number, familyMemberId, token, holderName: migrant.name, issuedBy: actor.id, sha256 });
    await recordAudit(tx, request, {
      action: 'issue_letter',
      entityType: 'letter',
      entityId: id,
      regionCode: plan.village_code,
      after: { planId, kind, number, familyMemberId, sha256 },
    });
    return { fileName: `${kind === 'izin_keluarga' ? 'surat-izin-keluarga' : 'surat-rekomendasi-desa'}-${number.replaceAll('/', '-')}.pdf`, pdf };
  });
}

/** The public check of a letter's QR code: enough to trust the paper, nothing to identify the holder. */
export async function verifyLetter(pool: Pool, token: string): Promise<LetterVerification> {
  const letter = await repo.findLetterByToken(pool, token);
  if (!letter) throw notFound('Surat');
  return {
    kind: letter.kind as LetterKind,
    number: letter.number,
    issuedAt: letter.issued_at.toISOString(),
    villageName: letter.village_name,
    holderInitials: initialsOf(letter.holder_name),
  };
}
