import type { IndicatorSeries, WarningLevel } from '../api/types';
import { WARNING_LEVELS } from '../api/types';
import type { I18n } from '../i18n';
import type { ChartOption } from './Chart';
import { WARNING_COLORS } from './colors';

type Fmt = Pick<I18n, 't' | 'fmt' | 'pick'>;
type Point = IndicatorSeries['points'][number];

const EMPTY = '-'; // ECharts' "no value here"
const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The peers' band as two stacked series: its lower edge (drawn invisibly) and its width on top of it (shaded).
 * Indicators are never negative, so the band is cut at 0; months without a band are gaps.
 */
export function peerBand(points: Point[]): { low: Array<number | string>; width: Array<number | string> } {
  const low: Array<number | string> = [];
  const width: Array<number | string> = [];
  for (const p of points) {
    if (ok(p.peerLow) && ok(p.peerHigh)) {
      const lo = Math.max(0, p.peerLow);
      low.push(lo);
      width.push(Math.max(0, p.peerHigh - lo));
    } else {
      low.push(EMPTY);
      width.push(EMPTY);
    }
  }
  return { low, width };
}

/** Whether the series carries a peers' band (institutions) at all. */
export function hasPeerBand(s: IndicatorSeries): boolean {
  return s.points.some((p) => ok(p.peerLow) && ok(p.peerHigh));
}

/** The tooltip of one month: value, change, the peers' median and band, the warning reached. */
function tooltipHtml(s: IndicatorSeries, p: Point, i: Fmt): string {
  const v = (n: number | null) => i.fmt.indicator(s.unit, n);
  const rows: string[] = [`<b>${p.month}</b>`, `${i.t('trend.value')}: <b>${v(p.value)}</b>`];
  if (ok(p.change)) rows.push(`${i.t('trend.change')}: ${i.fmt.change(p.change)}`);
  if (ok(p.yearChange)) rows.push(`${i.t('trend.yearChange')}: ${i.fmt.change(p.yearChange)}`);
  if (ok(p.peerMedian)) rows.push(`${i.t('trend.peerMedian')}: ${v(p.peerMedian)}`);
  if (ok(p.peerLow) && ok(p.peerHigh)) rows.push(`${i.t('trend.peerBand')}: ${v(Math.max(0, p.peerLow))} – ${v(p.peerHigh)}`);
  if (ok(p.peers)) rows.push(`${i.t('trend.peers')}: ${i.fmt.count(p.peers)}`);
  if (p.warning) {
    const dot = `<span style="display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:4px;background:${WARNING_COLORS[p.warning]}"></span>`;
    rows.push(`${dot}${i.t(`trend.warning.${p.warning}`)}`);
  }
  return rows.join('<br/>');
}

/** One indicator of one unit by month: its value, the peers' median (dashed) and band (shaded), warning months as coloured points. */
export function indicatorTrendOption(s: IndicatorSeries, i: Fmt): ChartOption {
  const months = s.points.map((p) => p.month);
  const band = hasPeerBand(s);
  const { low, width } = peerBand(s.points);
  const valueName = i.t('trend.value');
  const medianName = i.t('trend.peerMedian');
  const bandName = i.t('trend.peerBand');
  const levels = WARNING_LEVELS.filter((l) => s.points.some((p) => p.warning === l));
  const levelName = (l: WarningLevel) => i.t(`trend.warning.${l}`);

  const series: NonNullable<ChartOption['series']> = [];
  if (band) {
    series.push(
      {
        id: 'band-low',
        name: 'band-low',
        type: 'line',
        data: low,
        stack: 'peer-band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        silent: true,
        tooltip: { show: false },
      },
      {
        id: 'band',
        name: bandName,
        type: 'line',
        data: width,
        stack: 'peer-band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(29, 95, 209, 0.14)' },
        itemStyle: { color: 'rgba(29, 95, 209, 0.35)' },
        silent: true,
      },
      {
        id: 'median',
        name: medianName,
        type: 'line',
        data: s.points.map((p) => (ok(p.peerMedian) ? p.peerMedian : EMPTY)),
        symbol: 'none',
        lineStyle: { type: 'dashed', width: 1.5, color: '#8c8c8c' },
        itemStyle: { color: '#8c8c8c' },
      },
    );
  }
  series.push({
    id: 'value',
    name: valueName,
    type: 'line',
    data: s.points.map((p) => (ok(p.value) ? p.value : EMPTY)),
    symbolSize: 6,
    lineStyle: { width: 2.5, color: '#1d5fd1' },
    itemStyle: { color: '#1d5fd1' },
    z: 3,
  });
  for (const l of levels) {
    series.push({
      id: `warning-${l}`,
      name: levelName(l),
      type: 'scatter',
      symbolSize: 13,
      z: 5,
      data: s.points.map((p) => (p.warning === l && ok(p.value) ? p.value : EMPTY)),
      itemStyle: { color: WARNING_COLORS[l], borderColor: '#fff', borderWidth: 1.5 },
    });
  }

  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const p = first && typeof first.dataIndex === 'number' ? s.points[first.dataIndex] : undefined;
        return p ? tooltipHtml(s, p, i) : '';
      },
    },
    legend: { data: [valueName, ...(band ? [medianName, bandName] : []), ...levels.map(levelName)], bottom: 0 },
    grid: { left: 8, right: 16, top: 24, bottom: 36, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => i.fmt.indicatorAxis(s.unit, v) } },
    series,
  };
}
