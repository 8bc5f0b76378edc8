import type { ChartOption } from '../../components/Chart';
import { compactAxis, countValues, moneyValues, plotGrid, secondAxis } from '../../components/chartParts';
import type { Overview } from '../../api/types';
import type { I18n } from '../../i18n';

type Fmt = Pick<I18n, 't' | 'fmt' | 'label' | 'ruleName'>;

const short = (s: string, n = 14) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Amount at risk and findings as bars on two value axes (x: horizontal bars), with their legend below. */
function amountAndFindings(rows: Array<{ amount: number; findings: number }>, i: Fmt, axis: 'x' | 'y'): ChartOption {
  const on = (n: number) => (axis === 'x' ? { xAxisIndex: n } : { yAxisIndex: n });
  return {
    legend: { data: [i.t('overview.amountAtRisk'), i.t('overview.findings')], bottom: 0 },
    series: [
      { name: i.t('overview.amountAtRisk'), type: 'bar', ...on(0), data: rows.map((r) => r.amount), tooltip: moneyValues(i) },
      { name: i.t('overview.findings'), type: 'bar', ...on(1), data: rows.map((r) => r.findings), tooltip: countValues(i) },
    ],
  };
}

/** Findings and amount at risk per violation code (horizontal bars, amount below, count above). */
export function byCodeOption(rows: Overview['byCode'], i: Fmt): ChartOption {
  const data = [...rows].reverse(); // largest at the top
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: plotGrid(36, 24, 36),
    xAxis: [compactAxis(i, { position: 'bottom' }), secondAxis(i, { position: 'top' })],
    yAxis: { type: 'category', data: data.map((r) => short(i.ruleName(r), 12)) },
    ...amountAndFindings(data, i, 'x'),
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
    grid: plotGrid(16, 24, 8),
    xAxis: compactAxis(i),
    yAxis: { type: 'category', data: data.map((r) => short(r.name || r.fixmedinsCode, 16)) },
    series: [
      {
        name: i.t('overview.amountAtRisk'),
        type: 'bar',
        data: data.map((r) => r.amount),
        itemStyle: { color: '#cf1322' },
        tooltip: moneyValues(i),
      },
    ],
  };
}

export function monthlyOption(rows: Overview['monthly'], i: Fmt): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [i.t('overview.fundPaid'), i.t('overview.amountAtRisk')], bottom: 0 },
    grid: plotGrid(24, 8, 36),
    xAxis: { type: 'category', data: rows.map((r) => r.month), boundaryGap: false },
    yAxis: [compactAxis(i, { name: i.t('overview.fundPaid') }), secondAxis(i, { name: i.t('overview.amountAtRisk') })],
    series: [
      {
        name: i.t('overview.fundPaid'),
        type: 'line',
        yAxisIndex: 0,
        data: rows.map((r) => r.fundPaid),
        smooth: true,
        symbolSize: 8,
        tooltip: moneyValues(i),
      },
      {
        name: i.t('overview.amountAtRisk'),
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => r.amount),
        smooth: true,
        symbolSize: 8,
        itemStyle: { color: '#cf1322' },
        tooltip: moneyValues(i),
      },
    ],
  };
}

export function byRegionOption(rows: Overview['byRegion'], i: Fmt): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: plotGrid(24, 8, 36),
    xAxis: { type: 'category', data: rows.map((r) => r.name || r.admdvs), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: [compactAxis(i), secondAxis(i)],
    ...amountAndFindings(rows, i, 'y'),
  };
}
