/** Small hand-made data sets for rule and import tests, written as exchange-format CSV files. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLES, type TableName } from '../../src/exchange/tables.js';

export type Value = string | number | null | undefined;
export type Rows = Record<string, Value>;
export type TableRows = Partial<Record<TableName, Rows[]>>;

function csvField(v: Value): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Rows[], columns?: string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [cols.join(','), ...rows.map((r) => cols.map((c) => csvField(r[c])).join(','))].join('\n') + '\n';
}

/** Writes each table as `<table>.csv` in a new temporary directory and returns it. */
export async function writeDataset(tables: TableRows, dir?: string): Promise<string> {
  const out = dir ?? (await mkdtemp(join(tmpdir(), 'fg-fixture-')));
  for (const [name, rows] of Object.entries(tables)) {
    if (!rows) continue;
    const columns = rows.length ? undefined : TABLES[name as TableName].columns.map((c) => c.name);
    await writeFile(join(out, `${name}.csv`), toCsv(rows, columns));
  }
  return out;
}

export const HOSPITAL = 'H11010100001';
export const HOSPITAL_2 = 'H11010100002';
export const CLINIC = 'H11010100003';
export const PHARMACY = 'P11010100001';

/** A small consistent world every rule test starts from: institutions, people, a catalogue. */
export function baseWorld(): Required<Pick<TableRows, 'fixmedins' | 'psn' | 'hilist' | 'setl' | 'feedetl' | 'diag'>> {
  return {
    fixmedins: [
      {
        fixmedins_code: HOSPITAL,
        fixmedins_name: '市第一人民医院',
        fixmedins_type: '1',
        hosp_lv: 3,
        inst_kind: 'public_hospital',
        admdvs: '110101',
        grid_id: 'G01',
        agreement_status: 'normal',
        status_from: '',
      },
      {
        fixmedins_code: HOSPITAL_2,
        fixmedins_name: '市第二医院',
        fixmedins_type: '1',
        hosp_lv: 2,
        inst_kind: 'public_hospital',
        admdvs: '110101',
        grid_id: 'G01',
        agreement_status: 'normal',
        status_from: '',
      },
      {
        fixmedins_code: CLINIC,
        fixmedins_name: '社区卫生服务站',
        fixmedins_type: '1',
        hosp_lv: 0,
        inst_kind: 'primary_care',
        admdvs: '110101',
        grid_id: 'G02',
        agreement_status: 'normal',
        status_from: '',
      },
      {
        fixmedins_code: PHARMACY,
        fixmedins_name: '康民大药房',
        fixmedins_type: '2',
        hosp_lv: '',
        inst_kind: 'pharmacy',
        admdvs: '110101',
        grid_id: 'G02',
        agreement_status: 'normal',
        status_from: '',
      },
    ],
    psn: [
      { psn_no: 'M1', gend: '1', brdy: '1980-05-10', insutype: '310', certno: '', addr_admdvs: '110101001001', death_date: '' },
      { psn_no: 'F1', gend: '2', brdy: '1990-02-20', insutype: '390', certno: '', addr_admdvs: '110101001002', death_date: '' },
    ],
    hilist: [
      { med_list_codg: 'SVC_BED', name: '床位费', list_type: 'service', chrgitm_lv: '01' },
      { med_list_codg: 'DRUG_A', name: '阿莫西林胶囊', list_type: 'drug', chrgitm_lv: '01', drug_group: 'AMOX', rx_flag: '1' },
    ],
    setl: [],
    feedetl: [],
    diag: [],
  };
}

let seq = 0;
/** A settlement row (one settled visit) with sensible defaults. */
export function visit(v: Rows & { mdtrt_id: string }): Rows {
  seq++;
  return {
    setl_id: `S_${v.mdtrt_id}`,
    psn_no: 'M1',
    fixmedins_code: HOSPITAL,
    med_type: '11',
    begntime: '2024-03-01 09:00:00',
    endtime: v.med_type === '21' ? '2024-03-05 10:00:00' : '',
    dise_codg: 'J18.900',
    chfpdr_code: '',
    medfee_sumamt: 100,
    hifp_pay: 60,
    acct_pay: 10,
    psn_cash_pay: 30,
    setl_time: v.endtime || v.begntime || '2024-03-01 10:00:00',
    ...v,
  };
}

/** A fee line with sensible defaults; `feedetl_sn` is generated when not given. */
export function line(v: Rows & { mdtrt_id: string }): Rows {
  seq++;
  return {
    feedetl_sn: `L${seq}`,
    setl_id: `S_${v.mdtrt_id}`,
    psn_no: 'M1',
    fixmedins_code: HOSPITAL,
    fee_ocur_time: '2024-03-01 09:30:00',
    med_list_codg: 'SVC_BED',
    med_chrgitm_type: '01',
    cnt: 1,
    pric: 50,
    det_item_fee_sumamt: Number(v.cnt ?? 1) * Number(v.pric ?? 50),
    fulamt_ownpay_amt: 0,
    prd_days: '',
    rxno: '',
    bilg_dr_codg: '',
    bilg_dept_codg: '',
    ...v,
  };
}

// ---- Helpers for the per-rule tests (test/rules/*.test.ts) ----

/** A catalogue (hilist) row with defaults: a class-01 service without restrictions. */
export function catalogItem(v: Rows & { med_list_codg: string }): Rows {
  return { name: `测试项目${v.med_list_codg}`, list_type: 'service', chrgitm_lv: '01', ...v };
}

/** An insured person (psn) row with defaults. */
export function insured(v: Rows & { psn_no: string }): Rows {
  return { gend: '1', brdy: '1980-01-01', insutype: '310', certno: '', addr_admdvs: '110101001001', death_date: '', ...v };
}

/** Adds a visit (one settlement, see `visit`) and its fee lines to `w`; each line takes the visit's mdtrt_id,
 * setl_id, person and institution, and the visit's begntime as fee time, unless it says otherwise. */
export function addVisit(
  w: { setl: Rows[]; feedetl: Rows[] },
  v: Rows & { mdtrt_id: string },
  lines: Array<Rows & { feedetl_sn: string }> = [],
): void {
  const s = visit(v);
  w.setl.push(s);
  for (const l of lines) {
    w.feedetl.push(
      line({
        mdtrt_id: v.mdtrt_id,
        setl_id: s.setl_id,
        psn_no: s.psn_no,
        fixmedins_code: s.fixmedins_code,
        fee_ocur_time: s.begntime,
        ...l,
      }),
    );
  }
}

/** True for a non-empty text containing Chinese (CJK) characters, as evidence sentences are. */
export function isChineseText(s: string | null | undefined): boolean {
  return typeof s === 'string' && s.trim().length > 0 && /[\u4e00-\u9fff]/.test(s);
}
