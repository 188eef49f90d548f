/** React wrapper of createClsMapGrid: every head's CLS map over the digit, in one svg. */
import { useMemo } from 'react';
import { useChart } from '../../src/components/viz/use-chart.ts';
import '../../src/components/viz/viz.css';
import { createClsMapGrid, type ClsMapGridData, type ClsMapGridOptions } from './cls-map-grid.ts';

export function ClsMapGrid({ image, side, patch, maps, self, width, maxMap }: ClsMapGridData & ClsMapGridOptions) {
  const data = useMemo(() => ({ image, side, patch, maps, self }), [image, side, patch, maps, self]);
  const ref = useChart((el) => createClsMapGrid(el, { width, maxMap }), data, [width, maxMap]);
  return <div ref={ref} className="viz-figure" />;
}
