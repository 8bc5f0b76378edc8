/**
 * National medical-insurance platform extracts (setl_d, mdtrt_d, fee_list_d, setl_list_diag_d) and how
 * they map onto the exchange tables (exchange format, "National platform extracts").
 */
import { TABLES, type ColumnSpec, type TableName } from '../exchange/tables.js';

export interface PlatformSource {
  /** File base name as the platform names it. */
  name: string;
  /** Exchange table its rows become; mdtrt_d is merged into setl instead. */
  target: TableName | null;
  renames: Record<string, string>;
}

export const PLATFORM_SOURCES: Record<string, PlatformSource> = {
  setl_d: { name: 'setl_d', target: 'setl', renames: { begndate: 'begntime', enddate: 'endtime', cash_payamt: 'psn_cash_pay' } },
  mdtrt_d: { name: 'mdtrt_d', target: null, renames: { dscg_maindiag_code: 'dise_codg', die_date: 'death_date' } },
  fee_list_d: {
    name: 'fee_list_d',
    target: 'feedetl',
    renames: { bkkp_sn: 'feedetl_sn', rx_drord_no: 'rxno', bilg_dr_code: 'bilg_dr_codg' },
  },
  setl_list_diag_d: { name: 'setl_list_diag_d', target: 'diag', renames: {} },
};

/**
 * mdtrt_d columns read (typed) for the merge into setl and psn: the exchange columns they become, typed as there
 * and none required but the visit id. hosp_lv holds the platform's level codes (see platformLevelSql): text.
 */
export const MDTRT_D_COLUMNS: readonly ColumnSpec[] = [
  { name: 'mdtrt_id', type: 'text', required: true },
  ...typedAs('setl', ['begntime', 'endtime', 'dise_codg', 'chfpdr_code']),
  ...typedAs('psn', ['death_date', 'psn_no', 'gend', 'brdy', 'insutype']),
  ...typedAs('fixmedins', ['fixmedins_code', 'fixmedins_name']),
  { name: 'hosp_lv', type: 'text' },
];

/** Optional columns of the given names, each of the type the exchange table gives it. */
function typedAs(table: TableName, names: string[]): ColumnSpec[] {
  return names.map((name) => ({ name, type: TABLES[table].columns.find((c) => c.name === name)!.type }));
}

/**
 * Platform hospital-level codes (医院等级 HOSP_LV: 01 三级特等 … 04 三级丙等, 05–07 二级甲乙丙,
 * 08–10 一级甲乙丙, 11 无等级) mapped to the exchange format's 3/2/1/0; codes already in 0–3 are kept.
 */
export function platformLevelSql(expr: string): string {
  return `CASE WHEN ${expr} IN ('0', '1', '2', '3') THEN CAST(${expr} AS INTEGER)
    WHEN ${expr} IN ('01', '02', '03', '04') THEN 3 WHEN ${expr} IN ('05', '06', '07') THEN 2
    WHEN ${expr} IN ('08', '09', '10') THEN 1 WHEN ${expr} IS NOT NULL THEN 0 END`;
}
