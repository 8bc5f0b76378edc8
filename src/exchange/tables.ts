/**
 * The exchange format (shared/exchange-format.md) as data: every table, its columns, their types,
 * which are required, and the value checks the format implies. Import, validation, the workspace
 * schema on both engines and the documentation all read from here.
 */
import type { ColumnType } from '../contract/vocabulary.js';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required?: boolean;
  /** Allowed values (after trimming); empty is allowed unless required. */
  values?: readonly string[];
  /** A named pattern check; see PATTERNS. */
  pattern?: PatternName;
  /** Fundguard's own addition to the format (always optional): data sets of the format as published lack it. */
  extension?: true;
}

export type PatternName = 'fixmedins_code' | 'prac_code' | 'certno' | 'admdvs6' | 'addr_admdvs';

export const PATTERNS: Record<PatternName, { regex: string; reason: string }> = {
  fixmedins_code: { regex: '^[HP][0-9]{11}$', reason: 'institution code must be H or P followed by 11 digits' },
  prac_code: { regex: '^(D[0-9]{12}|H[YJ][0-9]{12})$', reason: 'practitioner code must be D + 12 digits or HY/HJ + 12 digits' },
  certno: { regex: '^[0-9]{17}[0-9X]$', reason: 'resident ID must be 17 digits and a check character' },
  admdvs6: { regex: '^[0-9]{6}$', reason: 'administrative division code must be 6 digits' },
  addr_admdvs: { regex: '^([0-9]{6}|[0-9]{9}|[0-9]{12})$', reason: 'residence area code must have 6, 9 or 12 digits' },
};

export interface Reference {
  columns: string[];
  table: TableName;
  targetColumns: string[];
  /** Only checked when the target table was provided in the data set. */
  whenTargetProvided?: boolean;
}

export interface TableSpec {
  name: TableName;
  title: string;
  columns: ColumnSpec[];
  /** Columns whose combination must be unique. */
  unique?: string[];
  references?: Reference[];
  /** Column dating a row, for replacing a period on re-import (fact tables only). */
  periodColumn?: string;
}

export const TABLE_NAMES = [
  'fixmedins',
  'practitioner',
  'dept_agreement',
  'psn',
  'setl',
  'diag',
  'feedetl',
  'hilist',
  'hilist_rel',
  'inv_purc',
  'inv_sale',
  'inv_stock',
  'idauth',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const MED_LIST_TYPES = ['drug', 'herbal', 'service', 'material', 'non_medical'] as const;

export const TABLES: Record<TableName, TableSpec> = {
  fixmedins: {
    name: 'fixmedins',
    title: '定点医药机构',
    columns: [
      { name: 'fixmedins_code', type: 'text', required: true, pattern: 'fixmedins_code' },
      { name: 'fixmedins_name', type: 'text', required: true },
      { name: 'fixmedins_type', type: 'text', required: true, values: ['1', '2'] },
      { name: 'hosp_lv', type: 'int', values: ['0', '1', '2', '3'] },
      {
        name: 'inst_kind',
        type: 'text',
        values: ['public_hospital', 'private_hospital', 'primary_care', 'village_clinic', 'pharmacy', 'other'],
      },
      { name: 'admdvs', type: 'text', required: true, pattern: 'admdvs6' },
      { name: 'grid_id', type: 'text' },
      { name: 'agreement_status', type: 'text', values: ['normal', 'suspended', 'terminated'] },
      { name: 'status_from', type: 'date' },
      // The last day of the status, for a suspension of a set length; empty: open-ended.
      { name: 'status_to', type: 'date', extension: true },
    ],
    unique: ['fixmedins_code'],
  },
  practitioner: {
    name: 'practitioner',
    title: '医保医师/药师',
    columns: [
      { name: 'prac_code', type: 'text', required: true, pattern: 'prac_code' },
      { name: 'prac_name', type: 'text' },
      { name: 'fixmedins_code', type: 'text', required: true, pattern: 'fixmedins_code' },
      { name: 'status', type: 'text', values: ['normal', 'suspended'] },
      { name: 'status_from', type: 'date' },
      // The last day of the status; empty: open-ended.
      { name: 'status_to', type: 'date', extension: true },
    ],
    // A practitioner may be registered at several institutions (多点执业): one row per registration.
    unique: ['prac_code', 'fixmedins_code'],
    references: [{ columns: ['fixmedins_code'], table: 'fixmedins', targetColumns: ['fixmedins_code'], whenTargetProvided: true }],
  },
  // Extension (optional table): agreements of single departments (科室) suspended or terminated, as a bureau's
  // sanction can be (暂停科室医保结算). Read by SUSPENDED_DEPARTMENT.
  dept_agreement: {
    name: 'dept_agreement',
    title: '定点科室协议状态',
    columns: [
      { name: 'fixmedins_code', type: 'text', required: true, pattern: 'fixmedins_code' },
      { name: 'dept_codg', type: 'text', required: true },
      { name: 'agreement_status', type: 'text', required: true, values: ['suspended', 'terminated'] },
      { name: 'status_from', type: 'date', required: true },
      { name: 'status_to', type: 'date' },
    ],
    unique: ['fixmedins_code', 'dept_codg', 'status_from'],
    references: [{ columns: ['fixmedins_code'], table: 'fixmedins', targetColumns: ['fixmedins_code'], whenTargetProvided: true }],
  },
  psn: {
    name: 'psn',
    title: '参保人',
    columns: [
      { name: 'psn_no', type: 'text', required: true },
      { name: 'gend', type: 'text', required: true, values: ['1', '2'] },
      { name: 'brdy', type: 'date', required: true },
      { name: 'insutype', type: 'text' },
      { name: 'certno', type: 'text', pattern: 'certno' },
      { name: 'addr_admdvs', type: 'text', pattern: 'addr_admdvs' },
      { name: 'death_date', type: 'date' },
    ],
    unique: ['psn_no'],
  },
  setl: {
    name: 'setl',
    title: '结算',
    columns: [
      { name: 'setl_id', type: 'text', required: true },
      { name: 'mdtrt_id', type: 'text', required: true },
      { name: 'psn_no', type: 'text', required: true },
      { name: 'fixmedins_code', type: 'text', required: true, pattern: 'fixmedins_code' },
      { name: 'med_type', type: 'text', required: true },
      { name: 'begntime', type: 'timestamp', required: true },
      { name: 'endtime', type: 'timestamp' },
      { name: 'dise_codg', type: 'text' },
      { name: 'chfpdr_code', type: 'text' },
      { name: 'medfee_sumamt', type: 'money', required: true },
      { name: 'hifp_pay', type: 'money', required: true },
      { name: 'acct_pay', type: 'money' },
      { name: 'psn_cash_pay', type: 'money' },
      { name: 'setl_time', type: 'timestamp', required: true },
    ],
    unique: ['setl_id'],
    references: [
      { columns: ['psn_no'], table: 'psn', targetColumns: ['psn_no'], whenTargetProvided: true },
      { columns: ['fixmedins_code'], table: 'fixmedins', targetColumns: ['fixmedins_code'], whenTargetProvided: true },
    ],
    periodColumn: 'setl_time',
  },
  diag: {
    name: 'diag',
    title: '诊断',
    columns: [
      { name: 'mdtrt_id', type: 'text', required: true },
      { name: 'maindiag_flag', type: 'text', required: true, values: ['0', '1'] },
      { name: 'diag_code', type: 'text', required: true },
    ],
    references: [{ columns: ['mdtrt_id'], table: 'setl', targetColumns: ['mdtrt_id'] }],
  },
  feedetl: {
    name: 'feedetl',
    title: '费用明细',
    columns: [
      { name: 'feedetl_sn', type: 'text', required: true },
      { name: 'mdtrt_id', type: 'text', required: true },
      { name: 'setl_id', type: 'text' },
      { name: 'psn_no', type: 'text', required: true },
      { name: 'fixmedins_code', type: 'text', required: true },
      { name: 'fee_ocur_time', type: 'timestamp', required: true },
      { name: 'med_list_codg', type: 'text', required: true },
      { name: 'med_chrgitm_type', type: 'text' },
      { name: 'cnt', type: 'qty', required: true },
      { name: 'pric', type: 'qty', required: true },
      { name: 'det_item_fee_sumamt', type: 'money', required: true },
      { name: 'fulamt_ownpay_amt', type: 'money' },
      { name: 'prd_days', type: 'int' },
      { name: 'rxno', type: 'text' },
      { name: 'bilg_dr_codg', type: 'text' },
      { name: 'bilg_dept_codg', type: 'text' },
    ],
    unique: ['feedetl_sn'],
    references: [
      { columns: ['mdtrt_id'], table: 'setl', targetColumns: ['mdtrt_id'] },
      { columns: ['setl_id'], table: 'setl', targetColumns: ['setl_id'] },
    ],
    periodColumn: 'fee_ocur_time',
  },
  hilist: {
    name: 'hilist',
    title: '医保目录与限定',
    columns: [
      { name: 'med_list_codg', type: 'text', required: true },
      { name: 'name', type: 'text', required: true },
      { name: 'list_type', type: 'text', required: true, values: MED_LIST_TYPES },
      { name: 'chrgitm_lv', type: 'text', required: true, values: ['01', '02', '03'] },
      { name: 'drug_group', type: 'text' },
      { name: 'rx_flag', type: 'text', values: ['0', '1'] },
      { name: 'pric_uplmt_amt', type: 'qty' },
      { name: 'pric_uplmt_amt_lv2', type: 'qty' },
      { name: 'pric_uplmt_amt_lv1', type: 'qty' },
      { name: 'lmt_gend', type: 'text', values: ['1', '2'] },
      { name: 'lmt_age_min', type: 'int' },
      { name: 'lmt_age_max', type: 'int' },
      { name: 'lmt_hosp_lv_min', type: 'int', values: ['0', '1', '2', '3'] },
      { name: 'lmt_med_types', type: 'text' },
      { name: 'lmt_dise_prefixes', type: 'text' },
      { name: 'max_days', type: 'int' },
      { name: 'max_cnt_per_day', type: 'qty' },
      { name: 'max_cnt_per_7d', type: 'qty' },
    ],
    unique: ['med_list_codg'],
  },
  hilist_rel: {
    name: 'hilist_rel',
    title: '项目关系',
    columns: [
      { name: 'rel_type', type: 'text', required: true, values: ['exclusive', 'bundle'] },
      { name: 'item_a', type: 'text', required: true },
      { name: 'item_b', type: 'text', required: true },
    ],
    unique: ['rel_type', 'item_a', 'item_b'],
  },
  inv_purc: {
    name: 'inv_purc',
    title: '药品采购',
    columns: [
      { name: 'fixmedins_code', type: 'text', required: true, pattern: 'fixmedins_code' },
      { name: 'med_list_codg', type: 'text', required: true },
      { name: 'purc_time', type: 'timestamp', required: true },
      { name: 'purc_cnt', type: 'qty', required: true },
      { name: 'finl_trns_pric', type: 'qty' },
      { name: 'spler_name', type: 'text' },
      { name: 'manu_lotnum', type: 'text' },
    ],
    periodColumn: 'purc_time',
  },
  inv_sale: {
    name: 'inv_sale',
    title: '药品销售',
    columns: [
      { name: 'fixmedins_code', type: 'text', required: true, pattern: 'fixmedins_code' },
      { name: 'rtal_docno', type: 'text', required: true },
      { name: 'med_list_codg', type: 'text', required: true },
      { name: 'sel_time', type: 'timestamp', required: true },
      { name: 'sel_cnt', type: 'qty', required: true },
      { name: 'finl_trns_pric', type: 'qty' },
      { name: 'hi_feesetl_flag', type: 'text', values: ['0', '1'] },
      { name: 'setl_id', type: 'text' },
      { name: 'psn_no', type: 'text' },
      { name: 'rx_flag', type: 'text', values: ['0', '1'] },
      { name: 'rxno', type: 'text' },
    ],
    periodColumn: 'sel_time',
  },
  inv_stock: {
    name: 'inv_stock',
    title: '药品盘存',
    columns: [
      { name: 'fixmedins_code', type: 'text', required: true, pattern: 'fixmedins_code' },
      { name: 'med_list_codg', type: 'text', required: true },
      { name: 'invdate', type: 'date', required: true },
      { name: 'inv_cnt', type: 'qty', required: true },
    ],
    periodColumn: 'invdate',
  },
  idauth: {
    name: 'idauth',
    title: '实名认证',
    columns: [
      { name: 'auth_id', type: 'text', required: true },
      { name: 'psn_no', type: 'text', required: true },
      { name: 'fixmedins_code', type: 'text', required: true, pattern: 'fixmedins_code' },
      { name: 'auth_time', type: 'timestamp', required: true },
      { name: 'auth_way', type: 'text', required: true, values: ['face', 'fingerprint', 'ecert', 'card'] },
      { name: 'auth_rslt', type: 'text', required: true, values: ['0', '1'] },
      { name: 'mdtrt_id', type: 'text' },
    ],
    unique: ['auth_id'],
    periodColumn: 'auth_time',
  },
};

export function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}
