/**
 * Warning levels at each threshold's edge, on DuckDB and on the real PostgreSQL. The indicator rows are made by
 * hand (one institution-month each), so every case states exactly what the warning SQL sees: growth thresholds
 * (at, just below, the orange and red confirmations, the volume floor), the absolute thresholds of rates, the
 * robust z against the institution's own history and against its peers (the MAD floor included).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warningConfigSchema, type WarningConfig } from '../../src/contract/settings.js';
import { DEFAULT_WARNING_CONFIG, warningSql } from '../../src/monitoring/warnings.js';
import { ENGINES } from '../support/rule-screen.js';
import { emptyEngine, type TestWorkspace } from '../support/workspace.js';

interface IndicatorCase {
  id: string;
  indicator: string;
  value: number | null;
  trimmed?: number | null;
  base?: number;
  prev_value?: number | null;
  prev_trimmed?: number | null;
  prev_base?: number | null;
  hist_n?: number;
  hist_median?: number | null;
  hist_mad?: number | null;
  peer_n?: number | null;
  peer_median?: number | null;
  peer_mad?: number | null;
}

const MAD = 1.4826;
/** The value whose robust z against median m and MAD d is exactly z. */
const atZ = (z: number, m: number, d: number) => m + z * MAD * d;

// A quiet history: median 80, MAD 8 (a rise from 100 to 135 is z 4.6 above it). Thresholds from the defaults.
const calm = { hist_n: 6, hist_median: 80, hist_mad: 8 };
const CASES: IndicatorCase[] = [
  // fund_paid growth: yellow 20 %, orange 35 %, red 50 %; both months need 300 visits.
  { id: 'G_AT_YELLOW', indicator: 'fund_paid', value: 120, prev_value: 100, ...calm, hist_n: 0 },
  { id: 'G_BELOW_YELLOW', indicator: 'fund_paid', value: 119.99, prev_value: 100, ...calm },
  { id: 'G_AT_ORANGE', indicator: 'fund_paid', value: 135, prev_value: 100, ...calm },
  { id: 'G_AT_RED', indicator: 'fund_paid', value: 150, prev_value: 100, ...calm },
  { id: 'G_RED_TRIMMED_ORANGE', indicator: 'fund_paid', value: 150, trimmed: 140, prev_value: 100, ...calm },
  { id: 'G_RED_TRIMMED_YELLOW', indicator: 'fund_paid', value: 150, trimmed: 125, prev_value: 100, ...calm },
  { id: 'G_RED_HISTORY_Z_BELOW', indicator: 'fund_paid', value: 150, prev_value: 100, hist_n: 6, hist_median: 100, hist_mad: 20 }, // z = 50 / 29.65 < 3
  { id: 'G_RED_HISTORY_SHORT', indicator: 'fund_paid', value: 150, prev_value: 100, ...calm, hist_n: 3 },
  { id: 'G_RED_HISTORY_Z_AT', indicator: 'fund_paid', value: 150, prev_value: 100, hist_n: 4, hist_median: atZ(-3, 150, 20), hist_mad: 20 },
  { id: 'G_BASE_AT_FLOOR', indicator: 'fund_paid', value: 150, prev_value: 100, ...calm, base: 300, prev_base: 300 },
  { id: 'G_BASE_BELOW_FLOOR', indicator: 'fund_paid', value: 150, prev_value: 100, ...calm, base: 299 },
  { id: 'G_PREV_BELOW_FLOOR', indicator: 'fund_paid', value: 150, prev_value: 100, ...calm, prev_base: 299 },
  { id: 'G_NO_PREVIOUS', indicator: 'fund_paid', value: 150, prev_value: null, ...calm },
  { id: 'G_PREVIOUS_ZERO', indicator: 'fund_paid', value: 150, prev_value: 0, ...calm },
  { id: 'G_FALL', indicator: 'fund_paid', value: 50, prev_value: 100, ...calm },
  // cost_per_admission has its own thresholds: 15 / 25 / 40 %, 10 discharges.
  { id: 'CPA_AT_YELLOW', indicator: 'cost_per_admission', value: 115, prev_value: 100, ...calm, base: 10, prev_base: 10 },
  { id: 'CPA_AT_RED', indicator: 'cost_per_admission', value: 140, prev_value: 100, ...calm, base: 10, prev_base: 10 },
  { id: 'CPA_BASE_BELOW', indicator: 'cost_per_admission', value: 140, prev_value: 100, ...calm, base: 9, prev_base: 10 },
  // An indicator without growth thresholds never warns on growth.
  { id: 'VISITS_DOUBLED', indicator: 'visits', value: 2000, prev_value: 1000, hist_n: 0 },
  // readmission_15d: the rate itself, 6 / 10 / 15 %, 30 discharges.
  { id: 'R_AT_YELLOW', indicator: 'readmission_15d', value: 0.06, base: 30 },
  { id: 'R_BELOW_YELLOW', indicator: 'readmission_15d', value: 0.0599, base: 30 },
  { id: 'R_AT_ORANGE', indicator: 'readmission_15d', value: 0.1, base: 30 },
  { id: 'R_AT_RED', indicator: 'readmission_15d', value: 0.15, base: 30 },
  { id: 'R_BASE_BELOW', indicator: 'readmission_15d', value: 0.5, base: 29 },
  // History: robust z 4 / 6 / 8 against the own earlier months (at least 4), 30 visits.
  { id: 'H_AT_YELLOW', indicator: 'drug_share', value: atZ(4, 0.3, 0.04), hist_n: 4, hist_median: 0.3, hist_mad: 0.04 },
  { id: 'H_BELOW_YELLOW', indicator: 'drug_share', value: atZ(3.99, 0.3, 0.04), hist_n: 4, hist_median: 0.3, hist_mad: 0.04 },
  { id: 'H_AT_ORANGE', indicator: 'drug_share', value: atZ(6, 0.3, 0.04), hist_n: 4, hist_median: 0.3, hist_mad: 0.04 },
  { id: 'H_AT_RED', indicator: 'drug_share', value: atZ(8, 0.3, 0.04), hist_n: 4, hist_median: 0.3, hist_mad: 0.04 },
  { id: 'H_TOO_SHORT', indicator: 'drug_share', value: atZ(8, 0.3, 0.04), hist_n: 3, hist_median: 0.3, hist_mad: 0.04 },
  { id: 'H_MAD_FLOOR', indicator: 'drug_share', value: atZ(4, 0.3, 0.03), hist_n: 4, hist_median: 0.3, hist_mad: 0 }, // MAD taken as 10 % of 0.3
  { id: 'H_LOW_BASE', indicator: 'drug_share', value: atZ(8, 0.3, 0.04), hist_n: 4, hist_median: 0.3, hist_mad: 0.04, base: 29 },
  // Peers: robust z 3 / 4 / 5 against at least 5 peers, 30 visits.
  { id: 'P_AT_YELLOW', indicator: 'alos', value: atZ(3, 8, 1), peer_n: 5, peer_median: 8, peer_mad: 1 },
  { id: 'P_BELOW_YELLOW', indicator: 'alos', value: atZ(2.99, 8, 1), peer_n: 5, peer_median: 8, peer_mad: 1 },
  { id: 'P_AT_ORANGE', indicator: 'alos', value: atZ(4, 8, 1), peer_n: 5, peer_median: 8, peer_mad: 1 },
  { id: 'P_AT_RED', indicator: 'alos', value: atZ(5, 8, 1), peer_n: 5, peer_median: 8, peer_mad: 1 },
  { id: 'P_FEW_PEERS', indicator: 'alos', value: atZ(9, 8, 1), peer_n: 4, peer_median: 8, peer_mad: 1 },
  { id: 'P_MAD_FLOOR', indicator: 'alos', value: atZ(5, 8, 0.8), peer_n: 5, peer_median: 8, peer_mad: 0.1 }, // MAD taken as 0.8
  { id: 'P_LOW_TRIMMED', indicator: 'alos', value: atZ(9, 8, 1), trimmed: 8, peer_n: 5, peer_median: 8, peer_mad: 1 },
  { id: 'P_NOT_CONFIGURED', indicator: 'fund_share', value: 5, peer_n: 9, peer_median: 0.6, peer_mad: 0.01 },
];

const COLUMNS = [
  'unit_type',
  'unit_id',
  'peer_group',
  'month',
  'indicator',
  'value',
  'trimmed',
  'base',
  'prev_value',
  'prev_trimmed',
  'prev_base',
  'hist_n',
  'hist_median',
  'hist_mad',
  'peer_n',
  'peer_median',
  'peer_mad',
] as const;

function row(c: IndicatorCase): Record<(typeof COLUMNS)[number], string | number | null> {
  const prev = c.prev_value === undefined ? null : c.prev_value;
  return {
    unit_type: 'institution',
    unit_id: c.id,
    peer_group: 'public_hospital|2',
    month: '2024-06',
    indicator: c.indicator,
    value: c.value,
    trimmed: c.trimmed === undefined ? c.value : c.trimmed,
    base: c.base ?? 1000,
    prev_value: prev,
    prev_trimmed: c.prev_trimmed === undefined ? prev : c.prev_trimmed,
    prev_base: c.prev_base === undefined ? (prev === null ? null : 1000) : c.prev_base,
    hist_n: c.hist_n ?? 0,
    hist_median: c.hist_median ?? null,
    hist_mad: c.hist_mad ?? null,
    peer_n: c.peer_n ?? null,
    peer_median: c.peer_median ?? null,
    peer_mad: c.peer_mad ?? null,
  };
}

const sqlValue = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`);

describe.each(ENGINES)('warning levels on %s', (engineName) => {
  let ws: TestWorkspace;
  const levels = new Map<string, string>();
  let warnings: Array<Record<string, unknown>>;

  async function build(config: WarningConfig): Promise<Array<Record<string, unknown>>> {
    for (const s of warningSql(config)) await ws.engine.exec(s);
    return ws.engine.all('SELECT * FROM fg_warning ORDER BY fixmedins_code, basis');
  }

  beforeAll(async () => {
    ws = await emptyEngine(engineName);
    const types =
      'unit_type VARCHAR, unit_id VARCHAR, peer_group VARCHAR, month VARCHAR, indicator VARCHAR, value DOUBLE PRECISION, trimmed DOUBLE PRECISION, base DOUBLE PRECISION, prev_value DOUBLE PRECISION, prev_trimmed DOUBLE PRECISION, prev_base DOUBLE PRECISION, hist_n BIGINT, hist_median DOUBLE PRECISION, hist_mad DOUBLE PRECISION, peer_n BIGINT, peer_median DOUBLE PRECISION, peer_mad DOUBLE PRECISION';
    await ws.engine.exec(`CREATE TABLE fg_indicator (${types})`);
    await ws.engine.exec(
      `INSERT INTO fg_indicator VALUES ${CASES.map((c) => `(${COLUMNS.map((k) => sqlValue(row(c)[k])).join(', ')})`).join(',\n')}`,
    );
    warnings = await build(DEFAULT_WARNING_CONFIG);
    for (const w of warnings) levels.set(`${String(w.fixmedins_code)}/${String(w.basis)}`, String(w.level));
  }, 60_000);
  afterAll(async () => {
    await ws?.close();
  });

  const level = (id: string, basis = 'threshold') => levels.get(`${id}/${basis}`) ?? 'none';

  it('raises growth warnings at each threshold, not a cent below', () => {
    expect(level('G_AT_YELLOW')).toBe('yellow');
    expect(level('G_BELOW_YELLOW')).toBe('none');
    expect(level('G_AT_ORANGE')).toBe('orange');
    expect(level('G_AT_RED')).toBe('red');
    expect(level('CPA_AT_YELLOW')).toBe('yellow');
    expect(level('CPA_AT_RED')).toBe('red');
    expect(level('G_FALL')).toBe('none');
    expect(level('VISITS_DOUBLED')).toBe('none');
  });

  it('keeps an orange or red growth yellow unless the trimmed growth and the own history confirm it', () => {
    expect(level('G_RED_TRIMMED_ORANGE')).toBe('orange'); // the lower of the two
    expect(level('G_RED_TRIMMED_YELLOW')).toBe('yellow');
    expect(level('G_RED_HISTORY_Z_BELOW')).toBe('yellow');
    expect(level('G_RED_HISTORY_SHORT')).toBe('yellow'); // 3 earlier months, 4 needed
    expect(level('G_RED_HISTORY_Z_AT')).toBe('red'); // history z exactly 3
  });

  it('needs the volume floor in both months, and a previous month above zero', () => {
    expect(level('G_BASE_AT_FLOOR')).toBe('red');
    expect(level('G_BASE_BELOW_FLOOR')).toBe('none');
    expect(level('G_PREV_BELOW_FLOOR')).toBe('none');
    expect(level('G_NO_PREVIOUS')).toBe('none');
    expect(level('G_PREVIOUS_ZERO')).toBe('none');
    expect(level('CPA_BASE_BELOW')).toBe('none');
  });

  it('judges rates such as readmission by their value', () => {
    expect(level('R_AT_YELLOW')).toBe('yellow');
    expect(level('R_BELOW_YELLOW')).toBe('none');
    expect(level('R_AT_ORANGE')).toBe('orange');
    expect(level('R_AT_RED')).toBe('red');
    expect(level('R_BASE_BELOW')).toBe('none');
  });

  it("scores the month against the institution's own history", () => {
    expect(level('H_AT_YELLOW', 'history')).toBe('yellow');
    expect(level('H_BELOW_YELLOW', 'history')).toBe('none');
    expect(level('H_AT_ORANGE', 'history')).toBe('orange');
    expect(level('H_AT_RED', 'history')).toBe('red');
    expect(level('H_TOO_SHORT', 'history')).toBe('none');
    expect(level('H_MAD_FLOOR', 'history')).toBe('yellow');
    expect(level('H_LOW_BASE', 'history')).toBe('none');
    expect(level('G_AT_RED', 'history')).toBe('yellow'); // fund_paid is a history indicator too: z = 70 / (1.4826 × 8) = 5.9
  });

  it('scores the month against its peers, on the trimmed value', () => {
    expect(level('P_AT_YELLOW', 'peer')).toBe('yellow');
    expect(level('P_BELOW_YELLOW', 'peer')).toBe('none');
    expect(level('P_AT_ORANGE', 'peer')).toBe('orange');
    expect(level('P_AT_RED', 'peer')).toBe('red');
    expect(level('P_FEW_PEERS', 'peer')).toBe('none');
    expect(level('P_MAD_FLOOR', 'peer')).toBe('red');
    expect(level('P_LOW_TRIMMED', 'peer')).toBe('none');
    expect(level('P_NOT_CONFIGURED', 'peer')).toBe('none');
  });

  it("says what was compared: the previous month, the threshold, the own median or the peers' median", () => {
    const w = (id: string, basis: string) => warnings.find((x) => x.fixmedins_code === id && x.basis === basis)!;
    expect(w('G_AT_RED', 'threshold')).toMatchObject({
      indicator: 'fund_paid',
      value: 150,
      reference: 100,
      level: 'red',
      month: '2024-06',
    });
    expect(Number(w('G_AT_RED', 'threshold').change)).toBeCloseTo(0.5, 12);
    expect(w('R_AT_ORANGE', 'threshold')).toMatchObject({ reference: 0.06, change: null });
    expect(w('H_AT_RED', 'history')).toMatchObject({ reference: 0.3 });
    expect(Number(w('H_AT_RED', 'history').z)).toBeCloseTo(8, 9);
    expect(w('P_AT_ORANGE', 'peer')).toMatchObject({ reference: 8 });
    expect(Number(w('P_AT_ORANGE', 'peer').z)).toBeCloseTo(4, 9);
    expect(new Set(warnings.map((x) => x.warning_id)).size).toBe(warnings.length);
  });

  it("follows a bureau's own thresholds, and warns about nothing when every list is empty", async () => {
    const strict = structuredClone(DEFAULT_WARNING_CONFIG);
    strict.growth.fund_paid = { levels: [0.1, 0.15, 0.19], minBase: 0 };
    strict.history.confirmZ = 0;
    const own = await build(strict);
    const lv = (id: string) => String(own.find((x) => x.fixmedins_code === id && x.basis === 'threshold')?.level ?? 'none');
    expect(lv('G_BELOW_YELLOW')).toBe('red');
    expect(lv('G_BASE_BELOW_FLOOR')).toBe('red');
    expect(lv('G_RED_HISTORY_Z_BELOW')).toBe('red');
    const none = await build({
      ...DEFAULT_WARNING_CONFIG,
      growth: {},
      absolute: {},
      history: { ...DEFAULT_WARNING_CONFIG.history, indicators: [] },
      peer: { ...DEFAULT_WARNING_CONFIG.peer, indicators: [] },
    });
    expect(none).toEqual([]);
  });
});

describe('warning thresholds as configuration', () => {
  it('accepts the defaults and refuses levels that do not rise, unknown indicators and unknown keys', () => {
    expect(warningConfigSchema.parse(DEFAULT_WARNING_CONFIG)).toEqual(DEFAULT_WARNING_CONFIG);
    const bad = (patch: (c: Record<string, any>) => void) => {
      const c = structuredClone(DEFAULT_WARNING_CONFIG) as Record<string, any>;
      patch(c);
      return warningConfigSchema.safeParse(c).success;
    };
    expect(
      bad((c) => {
        c.growth.fund_paid.levels = [0.5, 0.35, 0.2];
      }),
    ).toBe(false);
    expect(
      bad((c) => {
        c.growth.beds = { levels: [1, 2, 3], minBase: 0 };
      }),
    ).toBe(false);
    expect(
      bad((c) => {
        c.peer.minPeers = 2;
      }),
    ).toBe(false);
    expect(
      bad((c) => {
        c.extra = 1;
      }),
    ).toBe(false);
    expect(
      bad((c) => {
        c.history.indicators = ['alos'];
      }),
    ).toBe(true);
  });
});
