/**
 * Monthly indicators (监测指标) on a hand-made workspace, on DuckDB and on the real PostgreSQL: every indicator's
 * arithmetic, the month each event counts in, growth against the previous month and the same month last year,
 * the trimmed values, the institution's own history (median and MAD) and its peers' (same kind and level),
 * and the roll-ups to region and grid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndicators } from '../../src/monitoring/indicators.js';
import { addVisit, baseWorld, catalogItem, CLINIC, HOSPITAL, HOSPITAL_2, insured, type Rows, type TableRows } from '../support/fixture.js';
import { ENGINES } from '../support/rule-screen.js';
import { onlyRules, screenedWorkspace, type TestWorkspace } from '../support/workspace.js';

const PEER_1 = 'H11010200005';
const PEER_2 = 'H11010200006';

function world(): TableRows {
  const w = baseWorld();
  // Two more level-3 public hospitals in another district (110102) and grid: HOSPITAL's peers.
  w.fixmedins.push(
    {
      fixmedins_code: PEER_1,
      fixmedins_name: '区第三医院',
      fixmedins_type: '1',
      hosp_lv: 3,
      inst_kind: 'public_hospital',
      admdvs: '110102',
      grid_id: 'G03',
      agreement_status: 'normal',
      status_from: '',
    },
    {
      fixmedins_code: PEER_2,
      fixmedins_name: '区第四医院',
      fixmedins_type: '1',
      hosp_lv: 3,
      inst_kind: 'public_hospital',
      admdvs: '110102',
      grid_id: 'G03',
      agreement_status: 'normal',
      status_from: '',
    },
  );
  w.psn.push(insured({ psn_no: 'P3' }));
  w.hilist.push(catalogItem({ med_list_codg: 'EXAM' }), catalogItem({ med_list_codg: 'MALE_ONLY', lmt_gend: '1' }));
  const drug = (sn: string, time: string, amt: number): Rows & { feedetl_sn: string } => ({
    feedetl_sn: sn,
    med_list_codg: 'DRUG_A',
    med_chrgitm_type: '09',
    fee_ocur_time: time,
    cnt: 1,
    pric: amt,
    det_item_fee_sumamt: amt,
  });
  const svc = (sn: string, time: string, amt: number, item = 'EXAM'): Rows & { feedetl_sn: string } => ({
    feedetl_sn: sn,
    med_list_codg: item,
    med_chrgitm_type: '03',
    fee_ocur_time: time,
    cnt: 1,
    pric: amt,
    det_item_fee_sumamt: amt,
  });

  // HOSPITAL, a year earlier: one visit (the same month last year for February 2024).
  addVisit(w, { mdtrt_id: 'V0', begntime: '2023-02-10 09:00:00', medfee_sumamt: 100, hifp_pay: 60 });
  // January 2024: an outpatient visit, and an admission that begins in January and ends (and settles) in February.
  addVisit(w, { mdtrt_id: 'V1', begntime: '2024-01-15 09:00:00', medfee_sumamt: 300, hifp_pay: 200 }, [
    drug('V1_DRUG', '2024-01-15 09:30:00', 100),
    svc('V1_EXAM', '2024-01-15 09:40:00', 200),
  ]);
  addVisit(
    w,
    {
      mdtrt_id: 'A1',
      med_type: '21',
      begntime: '2024-01-28 08:00:00',
      endtime: '2024-02-02 10:00:00',
      medfee_sumamt: 5000,
      hifp_pay: 4000,
    },
    [svc('A1_BED', '2024-01-29 08:00:00', 1000, 'SVC_BED'), drug('A1_DRUG', '2024-02-01 08:00:00', 500)],
  );
  // February 2024: a visit of F1 with a male-only item (one GENDER_RESTRICTED finding of 40 元); a visit settled
  // twice; the same person readmitted 8 days after A1's discharge day.
  addVisit(w, { mdtrt_id: 'V2', psn_no: 'F1', begntime: '2024-02-05 09:00:00', medfee_sumamt: 200, hifp_pay: 120 }, [
    drug('V2_DRUG', '2024-02-05 09:10:00', 80),
    svc('V2_EXAM', '2024-02-05 09:20:00', 80),
    svc('V2_MALE', '2024-02-05 09:30:00', 40, 'MALE_ONLY'),
  ]);
  w.setl.push(
    {
      setl_id: 'S_V3a',
      mdtrt_id: 'V3',
      psn_no: 'F1',
      fixmedins_code: HOSPITAL,
      med_type: '11',
      begntime: '2024-02-06 09:00:00',
      endtime: '',
      medfee_sumamt: 100,
      hifp_pay: 50,
      acct_pay: 0,
      psn_cash_pay: 50,
      setl_time: '2024-02-06 10:00:00',
    },
    {
      setl_id: 'S_V3b',
      mdtrt_id: 'V3',
      psn_no: 'F1',
      fixmedins_code: HOSPITAL,
      med_type: '11',
      begntime: '2024-02-06 09:00:00',
      endtime: '',
      medfee_sumamt: 50,
      hifp_pay: 30,
      acct_pay: 0,
      psn_cash_pay: 20,
      setl_time: '2024-02-07 10:00:00',
    },
  );
  addVisit(w, {
    mdtrt_id: 'A2',
    med_type: '21',
    begntime: '2024-02-10 09:00:00',
    endtime: '2024-02-14 10:00:00',
    medfee_sumamt: 3000,
    hifp_pay: 2400,
  });
  // HOSPITAL_2 (same district and grid, level 2): one visit in February.
  addVisit(w, {
    mdtrt_id: 'V4',
    fixmedins_code: HOSPITAL_2,
    psn_no: 'P3',
    begntime: '2024-02-20 09:00:00',
    medfee_sumamt: 1000,
    hifp_pay: 700,
  });
  // The peers in February: one visit each, of 500 and 800 元.
  addVisit(w, { mdtrt_id: 'V5', fixmedins_code: PEER_1, psn_no: 'P3', begntime: '2024-02-21 09:00:00', medfee_sumamt: 500, hifp_pay: 300 });
  addVisit(w, { mdtrt_id: 'V6', fixmedins_code: PEER_2, psn_no: 'P3', begntime: '2024-02-22 09:00:00', medfee_sumamt: 800, hifp_pay: 500 });
  // PEER_2's history: 1, 2, 3, 2, 5 visits from September 2023 to January 2024 (and 1 in February).
  [
    ['2023-09', 1],
    ['2023-10', 2],
    ['2023-11', 3],
    ['2023-12', 2],
    ['2024-01', 5],
  ].forEach(([m, n]) => {
    for (let k = 0; k < Number(n); k++)
      addVisit(w, {
        mdtrt_id: `H_${m}_${k}`,
        fixmedins_code: PEER_2,
        psn_no: 'P3',
        begntime: `${m}-1${k} 09:00:00`,
        medfee_sumamt: 10,
        hifp_pay: 5,
      });
  });
  // A CLINIC visit begun on the last evening of February and settled in March: its line counts in February.
  addVisit(
    w,
    {
      mdtrt_id: 'V_CLINIC',
      fixmedins_code: CLINIC,
      begntime: '2024-02-29 23:00:00',
      setl_time: '2024-03-01 00:10:00',
      medfee_sumamt: 30,
      hifp_pay: 20,
    },
    [drug('VC_DRUG', '2024-02-29 23:30:00', 30)],
  );
  return w;
}

type IndicatorRow = Record<string, number | string | null>;

describe.each(ENGINES)('monthly indicators on %s', (engineName) => {
  let ws: TestWorkspace;
  let rows: IndicatorRow[];
  const get = (unitType: string, unit: string, month: string, indicator: string): IndicatorRow => {
    const r = rows.find((x) => x.unit_type === unitType && x.unit_id === unit && x.month === month && x.indicator === indicator);
    if (!r) throw new Error(`no ${indicator} for ${unitType} ${unit} in ${month}`);
    return r;
  };
  const value = (unit: string, month: string, indicator: string, unitType = 'institution') => get(unitType, unit, month, indicator).value;

  beforeAll(async () => {
    ws = await screenedWorkspace(engineName, world(), onlyRules('GENDER_RESTRICTED'));
    await buildIndicators(ws.engine);
    rows = (await ws.engine.all<IndicatorRow>('SELECT * FROM fg_indicator')).map(
      (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as IndicatorRow,
    );
  }, 120_000);
  afterAll(async () => {
    await ws?.close();
  });

  it('counts visits by settlement month (a visit settled twice once), admissions by start, discharges by end', () => {
    expect(value(HOSPITAL, '2024-02', 'visits')).toBe(4); // A1, V2, V3, A2
    expect(value(HOSPITAL, '2024-01', 'visits')).toBe(1); // V1 (A1 settles in February)
    expect(value(HOSPITAL, '2024-01', 'admissions')).toBe(1);
    expect(value(HOSPITAL, '2024-02', 'admissions')).toBe(1);
    expect(value(HOSPITAL, '2024-01', 'discharges')).toBe(0);
    expect(value(HOSPITAL, '2024-02', 'discharges')).toBe(2);
  });

  it("sums the money of the month's settlements and divides it as the definitions say", () => {
    expect(value(HOSPITAL, '2024-02', 'total_cost')).toBe(8350);
    expect(value(HOSPITAL, '2024-02', 'fund_paid')).toBe(6600);
    expect(value(HOSPITAL, '2024-02', 'cost_per_visit')).toBe(2087.5);
    expect(value(HOSPITAL, '2024-02', 'fund_share')).toBeCloseTo(6600 / 8350, 12);
    expect(value(HOSPITAL, '2024-02', 'cost_per_admission')).toBe(4000); // (5000 + 3000) / 2 discharges
    expect(value(HOSPITAL, '2024-02', 'alos')).toBe(4.5); // (5 + 4) days / 2
    expect(value(HOSPITAL, '2024-02', 'readmission_15d')).toBe(0.5); // A1 was followed by A2 within 15 days
  });

  it('leaves per-discharge indicators empty in a month without discharges', () => {
    expect(value(HOSPITAL, '2024-01', 'cost_per_admission')).toBeNull();
    expect(value(HOSPITAL, '2024-01', 'alos')).toBeNull();
    expect(value(HOSPITAL, '2024-01', 'readmission_15d')).toBeNull();
  });

  it('takes the drug share from the fee lines of the month', () => {
    expect(value(HOSPITAL, '2024-02', 'drug_share')).toBeCloseTo(580 / 700, 12); // A1's February drug, V2's three lines
    expect(value(HOSPITAL, '2024-01', 'drug_share')).toBeCloseTo(100 / 1300, 12);
    expect(value(CLINIC, '2024-02', 'drug_share')).toBe(1);
    expect(value(CLINIC, '2024-02', 'visits')).toBe(0);
    expect(value(CLINIC, '2024-03', 'visits')).toBe(1);
    expect(value(CLINIC, '2024-03', 'drug_share')).toBeNull();
  });

  it("counts findings and their amount in the month of the finding's day", () => {
    expect(value(HOSPITAL, '2024-02', 'findings')).toBe(1);
    expect(value(HOSPITAL, '2024-02', 'amount_at_risk')).toBe(40);
    expect(value(HOSPITAL, '2024-01', 'findings')).toBe(0);
  });

  it('carries the previous month and the same month last year', () => {
    const fund = get('institution', HOSPITAL, '2024-02', 'fund_paid');
    expect(fund.prev_value).toBe(200);
    expect(get('institution', HOSPITAL, '2024-02', 'visits').yoy_value).toBe(1);
    expect(get('institution', HOSPITAL, '2024-01', 'visits').yoy_value).toBeNull();
    expect(fund.base).toBe(4);
    expect(fund.prev_base).toBe(1);
  });

  it("trims the month's two largest settlements out of the trimmed value", () => {
    const cost = get('institution', HOSPITAL, '2024-02', 'total_cost');
    expect(cost.trimmed).toBe(350); // without A1 (5000) and A2 (3000)
    expect(get('institution', HOSPITAL, '2024-02', 'fund_paid').trimmed).toBe(200);
    expect(get('institution', HOSPITAL, '2024-02', 'cost_per_visit').trimmed).toBe(175);
    expect(get('institution', HOSPITAL, '2024-02', 'visits').trimmed).toBe(4); // counts are not trimmed
  });

  it("gives the median and MAD of the institution's earlier months (six at most)", () => {
    const v = get('institution', PEER_2, '2024-02', 'visits');
    expect(v.value).toBe(1);
    expect(v.hist_n).toBe(5);
    expect(v.hist_median).toBe(2); // 1, 2, 3, 2, 5
    expect(v.hist_mad).toBe(1); // |−1|, 0, 1, 0, 3
    const jan = get('institution', PEER_2, '2024-01', 'visits');
    expect([jan.hist_n, jan.hist_median]).toEqual([4, 2]);
    expect(get('institution', HOSPITAL, '2024-02', 'visits').hist_n).toBe(1); // February 2023 is too far back
  });

  it('compares an institution with its peers of the same kind and level that month', () => {
    const c = get('institution', HOSPITAL, '2024-02', 'cost_per_visit');
    expect(c.peer_group).toBe('public_hospital|3');
    expect(c.peer_n).toBe(3); // HOSPITAL 2087.5, PEER_1 500, PEER_2 800
    expect(c.peer_median).toBe(800);
    expect(c.peer_mad).toBe(300); // |2087.5 − 800|, |500 − 800|, 0
    expect(get('institution', HOSPITAL_2, '2024-02', 'cost_per_visit').peer_group).toBe('public_hospital|2');
  });

  it('rolls institutions up to their region and grid', () => {
    expect(value('110101', '2024-02', 'visits', 'region')).toBe(5); // HOSPITAL 4, HOSPITAL_2 1
    expect(value('110101', '2024-02', 'fund_paid', 'region')).toBe(7300);
    expect(value('110101', '2024-02', 'cost_per_visit', 'region')).toBe(1870);
    expect(value('G01', '2024-02', 'total_cost', 'grid')).toBe(9350);
    expect(value('110102', '2024-02', 'visits', 'region')).toBe(2);
    expect(get('region', '110101', '2024-02', 'visits').peer_group).toBeNull();
  });
});
