/** "3212161104160001 · Warsono": the card number and the head, the two things an officer recognises a KK by. */
export function familyLabel(family: { noKk: string | null; headName: string | null }, noHead: string): string {
  return `${family.noKk ?? '—'} · ${family.headName ?? noHead}`;
}
