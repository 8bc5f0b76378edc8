import { describe, expect, it } from 'vitest';
import { compactAxis, countValues, moneyValues, plotGrid, secondAxis } from '../src/components/chartParts';
import { byCodeOption, byRegionOption } from '../src/features/overview/charts';
import { makeFormatter } from '../src/i18n/format';
import { zhCN } from '../src/i18n/zh-CN';
import type { MessageKey } from '../src/i18n/types';

const i = {
  t: (k: MessageKey) => zhCN[k],
  fmt: makeFormatter('zh-CN'),
  label: (_g: string, c: string | number | null | undefined) => String(c),
  ruleName: (r: { name: string }) => r.name,
};

describe('chart parts', () => {
  it('lay the plot out inside the box and label value axes short', () => {
    expect(plotGrid(24, 8, 36)).toEqual({
      left: 8,
      right: 8,
      top: 24,
      bottom: 36,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    });
    const axis = compactAxis(i, { name: '金额' });
    expect(axis).toMatchObject({ type: 'value', name: '金额' });
    expect(axis.axisLabel.formatter(12000)).toBe(i.fmt.compact(12000));
    expect(secondAxis(i)).toMatchObject({ type: 'value', splitLine: { show: false } });
  });

  it('format tooltip values as money or counts', () => {
    expect(moneyValues(i).valueFormatter('1234.5')).toBe(i.fmt.money(1234.5));
    expect(countValues(i).valueFormatter(1234)).toBe(i.fmt.count(1234));
  });
});

describe('overview charts', () => {
  const rows = [
    { code: 'A', name: '甲', nameEn: 'A', level: 'definite', admdvs: '330106', fundPaid: 900, amount: 100, findings: 3 },
    { code: 'B', name: '乙', nameEn: 'B', level: 'suspect', admdvs: '330108', fundPaid: 700, amount: 50, findings: 1 },
  ];

  it('draw amount and findings as bars on two axes: horizontal by code (largest at the top), upright by region', () => {
    const code = byCodeOption(rows, i);
    expect(code.series).toMatchObject([
      { type: 'bar', xAxisIndex: 0, data: [50, 100] },
      { type: 'bar', xAxisIndex: 1, data: [1, 3] },
    ]);
    expect(code.legend).toEqual({ data: ['涉及金额', '疑点数'], bottom: 0 });
    const region = byRegionOption(rows, i);
    expect(region.series).toMatchObject([
      { type: 'bar', yAxisIndex: 0, data: [100, 50] },
      { type: 'bar', yAxisIndex: 1, data: [3, 1] },
    ]);
  });
});
