/** The Desmigratif mark: a village house under a returning arc. Same drawing as public/favicon.svg. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#0c8599" />
      <path d="M14 22 A 22 22 0 0 1 50 22" fill="none" stroke="#99e9f2" strokeWidth="4" strokeLinecap="round" />
      <path d="M50 22 l-7 -1.5 M50 22 l1.5 -7" stroke="#99e9f2" strokeWidth="4" strokeLinecap="round" />
      <path d="M32 24 L50 38 V52 H14 V38 Z" fill="#ffffff" />
      <rect x="28" y="41" width="8" height="11" rx="1.5" fill="#0c8599" />
    </svg>
  );
}
