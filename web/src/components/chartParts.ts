import type { I18n } from '../i18n';

type Fmt = Pick<I18n, 'fmt'>;

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/** The plot area: its axis labels inside the chart's box, with room around it (36 below for a legend). */
export function plotGrid(top: number, right: number, bottom: number) {
  return { left: 8, right, top, bottom, outerBoundsMode: 'same' as const, outerBoundsContain: 'axisLabel' as const };
}

/** A value axis with short labels (1.2万 / 12K). */
export function compactAxis(i: Fmt, more?: { name?: string; position?: 'top' | 'bottom' }) {
  return { type: 'value' as const, ...more, axisLabel: { formatter: (v: number) => i.fmt.compact(v) } };
}

/** A chart's second value axis: short labels, and no grid lines of its own. */
export function secondAxis(i: Fmt, more?: { name?: string; position?: 'top' | 'bottom' }) {
  return { ...compactAxis(i, more), splitLine: { show: false } };
}

/** A series' tooltip values as money. */
export function moneyValues(i: Fmt) {
  return { valueFormatter: (v: unknown) => i.fmt.money(num(v)) };
}

/** A series' tooltip values as counts. */
export function countValues(i: Fmt) {
  return { valueFormatter: (v: unknown) => i.fmt.count(num(v)) };
}
