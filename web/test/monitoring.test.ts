import { describe, expect, it } from 'vitest';
import { INDICATOR_UNIT, INDICATOR_KEYS, WARNING_LEVELS, type IndicatorSeries } from '../src/api/types';
import { hasPeerBand, indicatorTrendOption, peerBand } from '../src/components/indicatorTrendOption';
import { makeFormatter } from '../src/i18n/format';
import { en } from '../src/i18n/en';
import { zhCN } from '../src/i18n/zh-CN';
import type { MessageKey } from '../src/i18n/types';
import {
  parsePaging,
  parsePractitionersFilter,
  parseWarningsFilter,
  practitionersFilterToParams,
  warningsFilterToParams,
} from '../src/lib/query';

describe('warning-board filters in the query string', () => {
  it('reads the API parameters, repeated or comma-separated, and drops what the API would reject', () => {
    const f = parseWarningsFilter(
      new URLSearchParams(
        'month=2024-03&level=red,bogus&level=orange&indicator=alos,nope&basis=peer&admdvs=3301x&grid=G1&sort=-z&page=2&pageSize=999',
      ),
    );
    expect(f).toEqual({ month: '2024-03', level: ['red', 'orange'], indicator: ['alos'], basis: 'peer', grid: 'G1', sort: '-z', page: 2 });
    expect(parseWarningsFilter(new URLSearchParams('month=2024-3&basis=x&sort=amount'))).toEqual({});
  });

  it('writes them back in a stable order and round-trips', () => {
    const f = { page: 3, indicator: ['fund_paid' as const, 'alos' as const], month: '2024-02', institution: 'H1', sort: '-month' as const };
    expect(warningsFilterToParams(f).toString()).toBe('month=2024-02&indicator=fund_paid%2Calos&institution=H1&sort=-month&page=3');
    expect(parseWarningsFilter(warningsFilterToParams(f))).toEqual(f);
  });
});

describe('practitioner filters', () => {
  it('keep known levels and sorts, and round-trip', () => {
    const f = parsePractitionersFilter(new URLSearchParams('kind=public_hospital&dept=A03.01&level=red,green&sort=-costPerRx&page=0'));
    expect(f).toEqual({ kind: 'public_hospital', dept: 'A03.01', level: ['red'], sort: '-costPerRx' });
    expect(parsePractitionersFilter(practitionersFilterToParams(f))).toEqual(f);
    expect(parsePractitionersFilter(new URLSearchParams('sort=z'))).toEqual({});
  });

  it('reads plain paging', () => {
    expect(parsePaging(new URLSearchParams('page=2&pageSize=20'))).toEqual({ page: 2, pageSize: 20 });
    expect(parsePaging(new URLSearchParams('page=-1&pageSize=500'))).toEqual({});
  });
});

describe('indicator formats', () => {
  const zh = makeFormatter('zh-CN');
  const e = makeFormatter('en');
  it('formats by unit: money in 元, ratios as %, days, counts', () => {
    expect(zh.indicator('money', 1234.5)).toBe('¥1,234.50');
    expect(zh.indicator('ratio', 0.1234)).toBe('12.3%');
    expect(zh.indicator('days', 8.25)).toBe('8.3 天');
    expect(e.indicator('days', 8)).toBe('8.0 days');
    expect(e.indicator('count', 1234)).toBe('1,234');
    expect(e.indicator('count', null)).toBe('—');
  });

  it('shows changes with their sign and z-scores with two decimals', () => {
    expect(zh.change(0.42)).toBe('+42.0%');
    expect(zh.change(-0.05)).toBe('−5.0%');
    expect(zh.change(0)).toBe('±0.0%');
    expect(zh.change(null)).toBe('—');
    expect(e.fixed(3.456)).toBe('3.46');
    expect(e.percent(0.5, 0)).toBe('50%');
    expect(e.indicatorAxis('ratio', 0.07)).toBe('7%');
  });

  it('knows a unit and a name in both languages for every indicator, and names every level', () => {
    for (const k of INDICATOR_KEYS) {
      expect(INDICATOR_UNIT[k], k).toBeTruthy();
      expect(zhCN[`indicator.${k}` as MessageKey], k).toBeTruthy();
      expect(en[`indicator.${k}` as MessageKey], k).toBeTruthy();
    }
    for (const l of WARNING_LEVELS) expect(zhCN[`warningLevel.${l}`]).toBeTruthy();
  });
});

describe('the indicator trend chart', () => {
  const point = (
    month: string,
    value: number | null,
    band: [number, number, number] | null,
    warning: IndicatorSeries['points'][number]['warning'] = null,
  ) => ({
    month,
    value,
    previous: null,
    change: null,
    lastYear: null,
    yearChange: null,
    peerMedian: band?.[1] ?? null,
    peerLow: band?.[0] ?? null,
    peerHigh: band?.[2] ?? null,
    peers: band ? 12 : null,
    warning,
  });
  const series: IndicatorSeries = {
    unitType: 'institution',
    unitId: 'H1',
    name: '某医院',
    indicator: 'alos',
    indicatorName: '平均住院日',
    indicatorNameEn: 'Average length of stay',
    unit: 'days',
    peerGroup: 'public_hospital|3',
    points: [point('2024-01', 8, [-1, 7, 9]), point('2024-02', 12, null, 'orange'), point('2024-03', 15, [6, 7.5, 9], 'red')],
  };
  const i = { t: (k: MessageKey) => zhCN[k], fmt: makeFormatter('zh-CN'), pick: (zhText: string) => zhText };

  it("stacks the peers' band from its lower edge (cut at 0), with gaps where there is none", () => {
    expect(hasPeerBand(series)).toBe(true);
    expect(peerBand(series.points)).toEqual({ low: [0, '-', 6], width: [9, '-', 3] });
  });

  it('draws the value, the median, the band and one point series per warning level reached', () => {
    const o = indicatorTrendOption(series, i);
    const ids = (o.series as Array<{ id: string }>).map((s) => s.id);
    expect(ids).toEqual(['band-low', 'band', 'median', 'value', 'warning-orange', 'warning-red']);
    const red = (o.series as Array<{ id: string; data: unknown[] }>).find((s) => s.id === 'warning-red');
    expect(red?.data).toEqual(['-', '-', 15]);
    expect((o.legend as { data: string[] }).data).toEqual(['指标值', '同类中位数', '同类正常范围', '橙色预警', '红色预警']);
  });

  it('leaves the band out for a region', () => {
    const region: IndicatorSeries = {
      ...series,
      unitType: 'region',
      peerGroup: null,
      points: series.points.map((p) => ({ ...p, peerLow: null, peerHigh: null, peerMedian: null })),
    };
    const ids = (indicatorTrendOption(region, i).series as Array<{ id: string }>).map((s) => s.id);
    expect(ids).toEqual(['value', 'warning-orange', 'warning-red']);
  });
});
