import { useEffect, useRef, type ReactNode } from 'react';

/** Scrolls its content into view whenever `trigger` changes: a form's error alert is at the top, the button the user pressed at the bottom. */
export function RevealOnChange({ trigger, children }: { trigger: unknown; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [trigger]);
  return <div ref={ref}>{children}</div>;
}
