import { type CaseStatus, caseStatusLabels, caseStatusTransitions, type Role } from '@desmigratif/contracts';

/**
 * Who may move a family's complaint (kasus/pengaduan) along its workflow. The village
 * (officer and village head) takes a new case up, settles it or refers it to the regency;
 * once referred, the case is the regency coordinator's: only the coordinator (or an admin)
 * closes it, while the village may still add notes. The coordinator may pull a case up to
 * the regency at any open step, but does not mark a case "handled by the village".
 */

const villageHandlers: readonly Role[] = ['petugas_desa', 'kepala_desa'];

/**
 * Why `role` may not move a case from `from` to `to`, in plain Indonesian, or null when it
 * may. Roles that may not write cases at all are refused by the route before this is asked.
 */
export function caseTransitionRefusal(from: CaseStatus, to: CaseStatus, role: Role): string | null {
  if (from === to) return `Kasus ini sudah berstatus "${caseStatusLabels[from]}".`;
  if (from === 'selesai') return 'Kasus ini sudah selesai. Pengaduan baru dicatat sebagai kasus baru.';
  if (!caseStatusTransitions[from].includes(to)) {
    const next = caseStatusTransitions[from].map((s) => `"${caseStatusLabels[s]}"`).join(' atau ');
    return `Kasus berstatus "${caseStatusLabels[from]}" tidak dapat langsung dipindah ke "${caseStatusLabels[to]}"; langkah berikutnya: ${next}.`;
  }
  if (role === 'admin') return null;
  if (villageHandlers.includes(role)) {
    if (from === 'dirujuk_kabupaten') {
      return 'Kasus ini sudah dirujuk ke kabupaten: hanya koordinator kabupaten yang dapat menutupnya. Desa tetap dapat menambah catatan.';
    }
    return null;
  }
  if (role === 'koordinator_kabupaten') {
    if (to === 'dirujuk_kabupaten' || from === 'dirujuk_kabupaten') return null;
    if (to === 'ditangani_desa') return 'Status "Ditangani desa" dipilih oleh petugas desa. Koordinator dapat merujuk kasus ini ke kabupaten.';
    return 'Koordinator kabupaten menutup kasus yang sudah dirujuk ke kabupaten. Rujuk kasus ini ke kabupaten terlebih dahulu, atau biarkan desa menutupnya.';
  }
  return 'Peran Anda tidak dapat mengubah status kasus.';
}

/** The next statuses `role` may choose for a case in `status`, in the order they are offered. */
export function caseTransitionsFor(status: CaseStatus, role: Role): CaseStatus[] {
  return caseStatusTransitions[status].filter((to) => caseTransitionRefusal(status, to, role) === null);
}

/** Closing or referring a case needs a word on what was done or why, for the family and the regency. */
export function caseTransitionNeedsNote(to: CaseStatus): boolean {
  return to === 'selesai' || to === 'dirujuk_kabupaten';
}
