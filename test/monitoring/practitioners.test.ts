/**
 * Practitioner outliers (大处方) on a hand-made workspace, on DuckDB and the real PostgreSQL: cost and drugs per
 * prescription and the share of restricted items, against peers of the same institution kind and department.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PractitionerConfig } from '../../src/contract/settings.js';
import { buildPractitionerStats, practitionerLevel } from '../../src/monitoring/practitioners.js';
import { addVisit, baseWorld, catalogItem, CLINIC, HOSPITAL, HOSPITAL_2, type Rows, type TableRows } from '../support/fixture.js';
import { ENGINES } from '../support/rule-screen.js';
import { onlyRules, screenedWorkspace, type TestWorkspace } from '../support/workspace.js';

const CONFIG: PractitionerConfig = { minPrescriptions: 2, minPeers: 5, z: [3, 4, 5] };

function world(): TableRows {
  const w = baseWorld();
  w.hilist.push(catalogItem({ med_list_codg: 'RESTRICTED', lmt_med_types: '21' }), catalogItem({ med_list_codg: 'EXAM' }));
  let n = 0;
  /** One visit with one prescription of `drugs` drug lines of `each` 元, and `extra` other lines. */
  const prescribe = (
    dr: string,
    inst: string,
    dept: string,
    drugs: number,
    each: number,
    extra: Array<Rows & { feedetl_sn: string }> = [],
  ) => {
    const id = `V${++n}`;
    const lines = Array.from({ length: drugs }, (_, k) => ({
      feedetl_sn: `${id}_D${k}`,
      med_list_codg: 'DRUG_A',
      med_chrgitm_type: '09',
      cnt: 1,
      pric: each,
      det_item_fee_sumamt: each,
      rxno: `RX_${id}`,
      bilg_dr_codg: dr,
      bilg_dept_codg: dept,
    }));
    addVisit(w, { mdtrt_id: id, fixmedins_code: inst, medfee_sumamt: drugs * each, hifp_pay: 0 }, [
      ...lines,
      ...extra.map((l) => ({ bilg_dr_codg: dr, bilg_dept_codg: dept, ...l })),
    ]);
  };
  // Department A03 of public hospitals (HOSPITAL and HOSPITAL_2 are both): five ordinary doctors, two prescriptions each.
  [80, 90, 100, 110, 120].forEach((cost, k) => {
    const dr = `D00000000000${k + 1}`;
    prescribe(dr, k % 2 ? HOSPITAL_2 : HOSPITAL, 'A03', 1, cost);
    prescribe(dr, k % 2 ? HOSPITAL_2 : HOSPITAL, 'A03', 1, cost);
  });
  // The outlier: three drugs of 300 元 on each prescription, and restricted items besides (no rxno: not a drug line).
  prescribe('D000000000009', HOSPITAL, 'A03', 3, 300, [{ feedetl_sn: 'R1', med_list_codg: 'RESTRICTED', med_chrgitm_type: '05' }]);
  prescribe('D000000000009', HOSPITAL, 'A03', 3, 300, [
    { feedetl_sn: 'R2', med_list_codg: 'RESTRICTED', med_chrgitm_type: '05' },
    { feedetl_sn: 'E1', med_list_codg: 'EXAM', rxno: 'RX_EXAM' },
  ]);
  // Too few prescriptions to be judged.
  prescribe('D000000000010', HOSPITAL, 'A03', 5, 900);
  // Another department with too few peers for a comparison; the same doctor code at another institution is another registration.
  prescribe('D000000000011', CLINIC, 'B01', 1, 50);
  prescribe('D000000000011', CLINIC, 'B01', 1, 50);
  prescribe('D000000000001', CLINIC, 'B01', 1, 50);
  prescribe('D000000000001', CLINIC, 'B01', 1, 50);
  return w;
}

describe.each(ENGINES)('practitioner outliers on %s', (engineName) => {
  let ws: TestWorkspace;
  let stats: Array<Record<string, unknown>>;
  const of = (prac: string, inst = HOSPITAL) => stats.find((s) => s.prac === prac && s.fixmedins_code === inst);

  beforeAll(async () => {
    ws = await screenedWorkspace(engineName, world(), onlyRules());
    await buildPractitionerStats(ws.engine, CONFIG);
    stats = await ws.engine.all('SELECT * FROM fg_practitioner_stat ORDER BY prac, fixmedins_code');
  }, 120_000);
  afterAll(async () => {
    await ws?.close();
  });

  it('computes cost and drugs per prescription and the restricted share per registration', () => {
    const big = of('D000000000009')!;
    expect(Number(big.prescriptions)).toBe(2);
    expect(big.cost_per_rx).toBe(900);
    expect(big.drugs_per_rx).toBe(3);
    expect(big.restricted_share).toBeCloseTo(2 / 9, 12); // 2 restricted lines of 9 (6 drugs, 2 restricted, 1 exam)
    expect(of('D000000000002', HOSPITAL_2)!.cost_per_rx).toBe(90);
    expect(of('D000000000001', CLINIC)).toBeDefined();
  });

  it('judges only practitioners with enough prescriptions, against enough peers of the same kind and department', () => {
    expect(of('D000000000010')).toBeUndefined();
    const clinic = of('D000000000011', CLINIC)!;
    expect(clinic.peer_group).toBe('primary_care|B01');
    expect(Number(clinic.peers)).toBe(2);
    expect(clinic.z_cost).toBeNull();
    expect(Number(of('D000000000009')!.peers)).toBe(6);
    expect(of('D000000000009')!.peer_group).toBe('public_hospital|A03');
  });

  it("scores against the peers' median and MAD, and flags the big prescriber red", () => {
    const big = of('D000000000009')!;
    expect(big.m_cost).toBe(105); // 80, 90, 100, 110, 120, 900
    expect(Number(big.z_cost)).toBeCloseTo(795 / (1.4826 * 15), 9); // MAD of |−25|, 15, 5, 5, 15, 795 is 15
    expect(Number(big.z_drugs)).toBeCloseTo(2 / (1.4826 * 0.1), 9); // median 1, MAD 0 floored at a tenth of it
    expect(Number(big.z_restricted)).toBeCloseTo(2 / 9 / (1.4826 * 0.02), 9); // median 0, MAD 0: two points
    expect(big.z_max).toBe(Math.max(Number(big.z_cost), Number(big.z_drugs), Number(big.z_restricted)));
    expect(practitionerLevel(Number(big.z_max), CONFIG.z)).toBe('red');
    const ordinary = of('D000000000005')!;
    expect(Number(ordinary.z_cost)).toBeCloseTo(15 / (1.4826 * 15), 9);
    expect(practitionerLevel(Number(ordinary.z_max), CONFIG.z)).toBeNull();
  });
});

describe('practitioner levels', () => {
  it('are yellow, orange and red from each z threshold on', () => {
    expect(practitionerLevel(2.999, [3, 4, 5])).toBeNull();
    expect(practitionerLevel(3, [3, 4, 5])).toBe('yellow');
    expect(practitionerLevel(4, [3, 4, 5])).toBe('orange');
    expect(practitionerLevel(5, [3, 4, 5])).toBe('red');
    expect(practitionerLevel(null)).toBeNull();
  });
});
