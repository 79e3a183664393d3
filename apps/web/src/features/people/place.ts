interface Place {
  dusun: string | null;
  rt: string | null;
  rw: string | null;
}

/** "Kenanga Lor, RT 001/RW 001" — whatever parts are known; '' when none is. */
export function formatPlace({ dusun, rt, rw }: Place): string {
  const neighbourhood = [rt && `RT ${rt}`, rw && `RW ${rw}`].filter(Boolean).join('/');
  return [dusun, neighbourhood].filter(Boolean).join(', ');
}
