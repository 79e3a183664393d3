import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { SummaryRow } from './api';

/** The charts library loads only on screens that draw a chart. */
const SummaryCharts = lazy(() => import('./SummaryCharts').then((module) => ({ default: module.SummaryCharts })));

export function LazySummaryCharts({ rows }: { rows: SummaryRow[] }) {
  return (
    <Suspense fallback={<Skeleton h={284} />}>
      <SummaryCharts rows={rows} />
    </Suspense>
  );
}
