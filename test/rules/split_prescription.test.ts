/** SPLIT_PRESCRIPTION (分解处方): same person, institution, item and day on two or more rxno, each within the supply
 * limit, together above it. Key: psn_no + med_list_codg + day. docs/rules.md: drug lines with an rxno outside
 * admissions; a prescription's supply is the sum of its lines' prd_days; amount = fund-scope amount × (total − limit) / total. */
import { describe, expect, it } from 'vitest';
import {
  addVisit,
  baseWorld,
  catalogItem,
  HOSPITAL,
  HOSPITAL_2,
  insured,
  isChineseText,
  type Rows,
  type TableRows,
} from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, screenedFindings } from '../support/rule-screen.js';

const CODE = 'SPLIT_PRESCRIPTION';
const DAY = '2024-03-01';

function world(): TableRows {
  const w = baseWorld(); // DRUG_A: a drug without max_days (limit 7 for med_type 11, 28 for 14)
  w.hilist.push(
    catalogItem({ med_list_codg: 'DRUG_MAX10', name: '限10天药品', list_type: 'drug', max_days: 10 }),
    catalogItem({ med_list_codg: 'SVC_REHAB', name: '康复治疗', list_type: 'service' }),
  );
  const rx = (sn: string, rxno: string, days: number, extra: Rows = {}): Rows & { feedetl_sn: string } => ({
    feedetl_sn: sn,
    med_list_codg: 'DRUG_A',
    med_chrgitm_type: '09',
    rxno,
    prd_days: days,
    cnt: 1,
    pric: 10,
    det_item_fee_sumamt: 10,
    ...extra,
  });
  const person = (psn: string, visits: Array<[Rows, Array<Rows & { feedetl_sn: string }>]>) => {
    w.psn.push(insured({ psn_no: psn }));
    visits.forEach(([v, lines], i) =>
      addVisit(w, { mdtrt_id: `V_${psn}_${i + 1}`, psn_no: psn, begntime: `${DAY} 09:00:00`, ...v }, lines),
    );
  };
  // 7 + 7 on two prescriptions, each at the 7-day limit, 14 in total: 140 × 7/14 = 70.
  person('SPLIT_OVER', [
    [{}, [rx('SO_1', 'R1', 7, { pric: 70, det_item_fee_sumamt: 70 }), rx('SO_2', 'R2', 7, { pric: 70, det_item_fee_sumamt: 70 })]],
  ]);
  person('SPLIT_TOTAL_AT_LIMIT_OK', [[{}, [rx('SE_1', 'R1', 4), rx('SE_2', 'R2', 3)]]]);
  person('SPLIT_ONE_RX_ABOVE_OK', [[{}, [rx('SA_1', 'R1', 8), rx('SA_2', 'R2', 3)]]]); // R1 alone is over: not a split
  person('SPLIT_ONE_RX_TWO_LINES_OK', [[{}, [rx('S1_1', 'R1', 4), rx('S1_2', 'R1', 4)]]]); // one prescription
  person('SPLIT_THREE_RX', [[{}, [rx('S3_1', 'R1', 3), rx('S3_2', 'R2', 3), rx('S3_3', 'R3', 3)]]]);
  person('SPLIT_TWO_VISITS_SAME_DAY', [
    [{}, [rx('SV_1', 'R1', 5)]],
    [{ begntime: `${DAY} 15:00:00` }, [rx('SV_2', 'R2', 5)]],
  ]);
  person('SPLIT_TWO_DAYS_OK', [
    [{}, [rx('SD_1', 'R1', 5)]],
    [{ begntime: '2024-03-02 09:00:00' }, [rx('SD_2', 'R2', 5)]],
  ]);
  person('SPLIT_TWO_INSTITUTIONS_OK', [
    [{ fixmedins_code: HOSPITAL }, [rx('SI_1', 'R1', 5)]],
    [{ fixmedins_code: HOSPITAL_2 }, [rx('SI_2', 'R2', 5)]],
  ]);
  person('SPLIT_NO_RXNO_OK', [[{}, [rx('SN_1', 'R1', 5), rx('SN_2', '', 5)]]]); // a line without rxno is not a prescription
  person('SPLIT_INPATIENT_OK', [[{ med_type: '21' }, [rx('SP_1', 'R1', 20), rx('SP_2', 'R2', 20)]]]);
  person('SPLIT_CHRONIC_AT_28_OK', [[{ med_type: '14' }, [rx('SC0_1', 'R1', 14), rx('SC0_2', 'R2', 14)]]]);
  person('SPLIT_CHRONIC_ABOVE_28', [[{ med_type: '14' }, [rx('SC1_1', 'R1', 14), rx('SC1_2', 'R2', 15)]]]);
  person('SPLIT_MAXDAYS_AT_10_OK', [
    [{}, [rx('SM0_1', 'R1', 5, { med_list_codg: 'DRUG_MAX10' }), rx('SM0_2', 'R2', 5, { med_list_codg: 'DRUG_MAX10' })]],
  ]);
  person('SPLIT_MAXDAYS_ABOVE_10', [
    [{}, [rx('SM1_1', 'R1', 6, { med_list_codg: 'DRUG_MAX10' }), rx('SM1_2', 'R2', 5, { med_list_codg: 'DRUG_MAX10' })]],
  ]);
  person('SPLIT_SERVICE_OK', [
    [
      {},
      [
        rx('SS_1', 'R1', 5, { med_list_codg: 'SVC_REHAB', med_chrgitm_type: '05' }),
        rx('SS_2', 'R2', 5, { med_list_codg: 'SVC_REHAB', med_chrgitm_type: '05' }),
      ],
    ],
  ]);
  // Split at two institutions on the same day (5 + 5 at each): one finding for the key (person, item, day),
  // the amounts of both added: 20 × 3/10 at each, 12 in all.
  person('SPLIT_AT_TWO_INSTITUTIONS', [
    [{ fixmedins_code: HOSPITAL }, [rx('ST_1', 'R1', 5), rx('ST_2', 'R2', 5)]],
    [{ fixmedins_code: HOSPITAL_2 }, [rx('ST_3', 'R3', 5), rx('ST_4', 'R4', 5)]],
  ]);
  // 0.99 + 1.06 = 2.05 over 7 + 7 days: 2.05 × 7/14 = 1.025 → 1.03.
  person('SPLIT_HALF_CENT', [
    [{}, [rx('SH_1', 'R1', 7, { pric: 0.99, det_item_fee_sumamt: 0.99 }), rx('SH_2', 'R2', 7, { pric: 1.06, det_item_fee_sumamt: 1.06 })]],
  ]);
  return w;
}

const { found, run } = screenedFindings(CODE, world());

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  const byPerson = (psn: string) => found[engine]!.find((f) => f.psn_no === psn);

  it('flags exactly the (person, item, day) groups split over prescriptions that are each within the limit', () => {
    expect(found[engine]!.map((f) => `${f.psn_no}|${f.med_list_codg}|${f.day}`).sort()).toEqual([
      `SPLIT_AT_TWO_INSTITUTIONS|DRUG_A|${DAY}`,
      `SPLIT_CHRONIC_ABOVE_28|DRUG_A|${DAY}`,
      `SPLIT_HALF_CENT|DRUG_A|${DAY}`,
      `SPLIT_MAXDAYS_ABOVE_10|DRUG_MAX10|${DAY}`,
      `SPLIT_OVER|DRUG_A|${DAY}`,
      `SPLIT_THREE_RX|DRUG_A|${DAY}`,
      `SPLIT_TWO_VISITS_SAME_DAY|DRUG_A|${DAY}`,
    ]);
  });

  it('reports the fund-scope amount of the days beyond the limit, rounded half up to the cent', () => {
    expect(byPerson('SPLIT_OVER')?.amount).toBe('70.00');
    expect(byPerson('SPLIT_THREE_RX')?.amount).toBe('6.67'); // 30 × 2/9
    expect(byPerson('SPLIT_CHRONIC_ABOVE_28')?.amount).toBe('0.69'); // 20 × 1/29
    expect(byPerson('SPLIT_HALF_CENT')?.amount).toBe('1.03');
    expect(byPerson('SPLIT_AT_TWO_INSTITUTIONS')?.amount).toBe('12.00');
  });

  it('names the prescriptions and days in Chinese', () => {
    const f = byPerson('SPLIT_OVER')!;
    expect(f).toMatchObject({ level: 'suspect', fixmedins_code: HOSPITAL, feedetl_sn: null });
    expect(f.detail).toContain('R1、R2');
    expect(f.detail).toContain('合计14天，超过限定的7天');
    expect(byPerson('SPLIT_THREE_RX')!.detail).toContain('分3张处方');
    for (const x of found[engine]!) expect(isChineseText(x.detail)).toBe(true);
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical finding rows`, async () => {
  await expectEnginesAgree(run);
});
