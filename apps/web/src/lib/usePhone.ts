import { useMediaQuery } from '@mantine/hooks';

/** Whether the viewport is at least `width` wide, read at once so a screen renders one layout, not two hidden by CSS. */
export function useWiderThan(width: string): boolean {
  return useMediaQuery(`(min-width: ${width})`, undefined, { getInitialValueInEffect: false }) ?? false;
}

/** True below Mantine's `sm` breakpoint (48em): lay out for a phone. */
export function usePhone(): boolean {
  return !useWiderThan('48em');
}
