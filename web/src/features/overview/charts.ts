import type { ChartOption } from '../../components/Chart';
import type { Overview } from '../../api/types';
import type { I18n } from '../../i18n';

type Fmt = Pick<I18n, 't' | 'fmt' | 'label' | 'ruleName'>;

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const short = (s: string, n = 14) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function moneyTooltip(i: Fmt) {
  return (v: unknown) => i.fmt.money(num(v));
}
function countTooltip(i: Fmt) {
  return (v: unknown) => i.fmt.count(num(v));
}

/** Findings and amount at risk per violation code (horizontal bars, amount below, count above). */
export function byCodeOption(rows: Overview['byCode'], i: Fmt): ChartOption {
  const data = [...rows].reverse(); // largest at the top
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: [i.t('overview.amountAtRisk'), i.t('overview.findings')], bottom: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 36, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: [
      { type: 'value', position: 'bottom', axisLabel: { formatter: (v: number) => i.fmt.compact(v) } },
      { type: 'value', position: 'top', splitLine: { show: false }, axisLabel: { formatter: (v: number) => i.fmt.compact(v) } },
    ],
    yAxis: { type: 'category', data: data.map((r) => short(i.ruleName(r), 12)) },
    series: [
      {
        name: i.t('overview.amountAtRisk'),
        type: 'bar',
        xAxisIndex: 0,
        data: data.map((r) => r.amount),
        tooltip: { valueFormatter: moneyTooltip(i) },
      },
      {
        name: i.t('overview.findings'),
        type: 'bar',
        xAxisIndex: 1,
        data: data.map((r) => r.findings),
        tooltip: { valueFormatter: countTooltip(i) },
      },
    ],
  };
}

export function byLevelOption(rows: Overview['byLevel'], i: Fmt): ChartOption {
  const colors: Record<string, string> = { definite: '#d4380d', suspect: '#faad14' };
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const one = Array.isArray(p) ? p[0] : p;
        const row = one ? rows[one.dataIndex] : undefined;
        if (!row) return '';
        return `${i.label('level', row.level)}<br/>${i.t('overview.findings')}: ${i.fmt.count(row.findings)}<br/>${i.t('overview.amountAtRisk')}: ${i.fmt.money(row.amount)}`;
      },
    },
    legend: { bottom: 0 },
    series: [
      {
        name: i.t('overview.byLevel'),
        type: 'pie',
        radius: ['38%', '62%'],
        center: ['50%', '46%'],
        label: { formatter: '{b}\n{d}%' },
        data: rows.map((r) => ({
          name: i.label('level', r.level),
          value: r.findings,
          itemStyle: colors[r.level] ? { color: colors[r.level] } : undefined,
        })),
      },
    ],
  };
}

export function topInstitutionsOption(rows: Overview['topInstitutions'], i: Fmt): ChartOption {
  const data = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => i.fmt.compact(v) } },
    yAxis: { type: 'category', data: data.map((r) => short(r.name || r.fixmedinsCode, 16)) },
    series: [
      {
        name: i.t('overview.amountAtRisk'),
        type: 'bar',
        data: data.map((r) => r.amount),
        itemStyle: { color: '#cf1322' },
        tooltip: { valueFormatter: moneyTooltip(i) },
      },
    ],
  };
}

export function monthlyOption(rows: Overview['monthly'], i: Fmt): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [i.t('overview.fundPaid'), i.t('overview.amountAtRisk')], bottom: 0 },
    grid: { left: 8, right: 8, top: 24, bottom: 36, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: rows.map((r) => r.month), boundaryGap: false },
    yAxis: [
      { type: 'value', name: i.t('overview.fundPaid'), axisLabel: { formatter: (v: number) => i.fmt.compact(v) } },
      {
        type: 'value',
        name: i.t('overview.amountAtRisk'),
        splitLine: { show: false },
        axisLabel: { formatter: (v: number) => i.fmt.compact(v) },
      },
    ],
    series: [
      {
        name: i.t('overview.fundPaid'),
        type: 'line',
        yAxisIndex: 0,
        data: rows.map((r) => r.fundPaid),
        smooth: true,
        symbolSize: 8,
        tooltip: { valueFormatter: moneyTooltip(i) },
      },
      {
        name: i.t('overview.amountAtRisk'),
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => r.amount),
        smooth: true,
        symbolSize: 8,
        itemStyle: { color: '#cf1322' },
        tooltip: { valueFormatter: moneyTooltip(i) },
      },
    ],
  };
}

export function byRegionOption(rows: Overview['byRegion'], i: Fmt): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: [i.t('overview.amountAtRisk'), i.t('overview.findings')], bottom: 0 },
    grid: { left: 8, right: 8, top: 24, bottom: 36, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: rows.map((r) => r.name || r.admdvs), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => i.fmt.compact(v) } },
      { type: 'value', splitLine: { show: false }, axisLabel: { formatter: (v: number) => i.fmt.compact(v) } },
    ],
    series: [
      {
        name: i.t('overview.amountAtRisk'),
        type: 'bar',
        yAxisIndex: 0,
        data: rows.map((r) => r.amount),
        tooltip: { valueFormatter: moneyTooltip(i) },
      },
      {
        name: i.t('overview.findings'),
        type: 'bar',
        yAxisIndex: 1,
        data: rows.map((r) => r.findings),
        tooltip: { valueFormatter: countTooltip(i) },
      },
    ],
  };
}
