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

/** A column every row must fill. */
function required(name: string, type: ColumnType, checks: ColumnChecks = {}): ColumnSpec {
  return { name, type, required: true, ...checks };
}

/** A column rows may leave empty. */
function optional(name: string, type: ColumnType, checks: ColumnChecks = {}): ColumnSpec {
  return { name, type, ...checks };
}

type ColumnChecks = Pick<ColumnSpec, 'values' | 'pattern' | 'extension'>;

/** The institution code as most tables carry it: required, in the code's pattern. */
const FIXMEDINS_CODE = required('fixmedins_code', 'text', { pattern: 'fixmedins_code' });

/** Rows name a row of `table` by `column`, a column of the same name there. */
function reference(table: TableName, column: string, more: Pick<Reference, 'whenTargetProvided'> = {}): Reference {
  return { columns: [column], table, targetColumns: [column], ...more };
}

/** The table specs keyed by name, each given its name. */
function named(specs: Record<TableName, Omit<TableSpec, 'name'>>): Record<TableName, TableSpec> {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { name, ...spec }])) as Record<TableName, TableSpec>;
}

export const TABLES: Record<TableName, TableSpec> = named({
  fixmedins: {
    title: '定点医药机构',
    columns: [
      FIXMEDINS_CODE,
      required('fixmedins_name', 'text'),
      required('fixmedins_type', 'text', { values: ['1', '2'] }),
      optional('hosp_lv', 'int', { values: ['0', '1', '2', '3'] }),
      optional('inst_kind', 'text', {
        values: ['public_hospital', 'private_hospital', 'primary_care', 'village_clinic', 'pharmacy', 'other'],
      }),
      required('admdvs', 'text', { pattern: 'admdvs6' }),
      optional('grid_id', 'text'),
      optional('agreement_status', 'text', { values: ['normal', 'suspended', 'terminated'] }),
      optional('status_from', 'date'),
      // The last day of the status, for a suspension of a set length; empty: open-ended.
      optional('status_to', 'date', { extension: true }),
    ],
    unique: ['fixmedins_code'],
  },
  practitioner: {
    title: '医保医师/药师',
    columns: [
      required('prac_code', 'text', { pattern: 'prac_code' }),
      optional('prac_name', 'text'),
      FIXMEDINS_CODE,
      optional('status', 'text', { values: ['normal', 'suspended'] }),
      optional('status_from', 'date'),
      // The last day of the status; empty: open-ended.
      optional('status_to', 'date', { extension: true }),
    ],
    // A practitioner may be registered at several institutions (多点执业): one row per registration.
    unique: ['prac_code', 'fixmedins_code'],
    references: [reference('fixmedins', 'fixmedins_code', { whenTargetProvided: true })],
  },
  // Extension (optional table): agreements of single departments (科室) suspended or terminated, as a bureau's
  // sanction can be (暂停科室医保结算). Read by SUSPENDED_DEPARTMENT.
  dept_agreement: {
    title: '定点科室协议状态',
    columns: [
      FIXMEDINS_CODE,
      required('dept_codg', 'text'),
      required('agreement_status', 'text', { values: ['suspended', 'terminated'] }),
      required('status_from', 'date'),
      optional('status_to', 'date'),
    ],
    unique: ['fixmedins_code', 'dept_codg', 'status_from'],
    references: [reference('fixmedins', 'fixmedins_code', { whenTargetProvided: true })],
  },
  psn: {
    title: '参保人',
    columns: [
      required('psn_no', 'text'),
      required('gend', 'text', { values: ['1', '2'] }),
      required('brdy', 'date'),
      optional('insutype', 'text'),
      optional('certno', 'text', { pattern: 'certno' }),
      optional('addr_admdvs', 'text', { pattern: 'addr_admdvs' }),
      optional('death_date', 'date'),
    ],
    unique: ['psn_no'],
  },
  setl: {
    title: '结算',
    columns: [
      required('setl_id', 'text'),
      required('mdtrt_id', 'text'),
      required('psn_no', 'text'),
      FIXMEDINS_CODE,
      required('med_type', 'text'),
      required('begntime', 'timestamp'),
      optional('endtime', 'timestamp'),
      optional('dise_codg', 'text'),
      optional('chfpdr_code', 'text'),
      required('medfee_sumamt', 'money'),
      required('hifp_pay', 'money'),
      optional('acct_pay', 'money'),
      optional('psn_cash_pay', 'money'),
      required('setl_time', 'timestamp'),
    ],
    unique: ['setl_id'],
    references: [
      reference('psn', 'psn_no', { whenTargetProvided: true }),
      reference('fixmedins', 'fixmedins_code', { whenTargetProvided: true }),
    ],
    periodColumn: 'setl_time',
  },
  diag: {
    title: '诊断',
    columns: [required('mdtrt_id', 'text'), required('maindiag_flag', 'text', { values: ['0', '1'] }), required('diag_code', 'text')],
    references: [reference('setl', 'mdtrt_id')],
  },
  feedetl: {
    title: '费用明细',
    columns: [
      required('feedetl_sn', 'text'),
      required('mdtrt_id', 'text'),
      optional('setl_id', 'text'),
      required('psn_no', 'text'),
      required('fixmedins_code', 'text'),
      required('fee_ocur_time', 'timestamp'),
      required('med_list_codg', 'text'),
      optional('med_chrgitm_type', 'text'),
      required('cnt', 'qty'),
      required('pric', 'qty'),
      required('det_item_fee_sumamt', 'money'),
      optional('fulamt_ownpay_amt', 'money'),
      optional('prd_days', 'int'),
      optional('rxno', 'text'),
      optional('bilg_dr_codg', 'text'),
      optional('bilg_dept_codg', 'text'),
    ],
    unique: ['feedetl_sn'],
    references: [reference('setl', 'mdtrt_id'), reference('setl', 'setl_id')],
    periodColumn: 'fee_ocur_time',
  },
  hilist: {
    title: '医保目录与限定',
    columns: [
      required('med_list_codg', 'text'),
      required('name', 'text'),
      required('list_type', 'text', { values: MED_LIST_TYPES }),
      required('chrgitm_lv', 'text', { values: ['01', '02', '03'] }),
      optional('drug_group', 'text'),
      optional('rx_flag', 'text', { values: ['0', '1'] }),
      optional('pric_uplmt_amt', 'qty'),
      optional('pric_uplmt_amt_lv2', 'qty'),
      optional('pric_uplmt_amt_lv1', 'qty'),
      optional('lmt_gend', 'text', { values: ['1', '2'] }),
      optional('lmt_age_min', 'int'),
      optional('lmt_age_max', 'int'),
      optional('lmt_hosp_lv_min', 'int', { values: ['0', '1', '2', '3'] }),
      optional('lmt_med_types', 'text'),
      optional('lmt_dise_prefixes', 'text'),
      optional('max_days', 'int'),
      optional('max_cnt_per_day', 'qty'),
      optional('max_cnt_per_7d', 'qty'),
    ],
    unique: ['med_list_codg'],
  },
  hilist_rel: {
    title: '项目关系',
    columns: [required('rel_type', 'text', { values: ['exclusive', 'bundle'] }), required('item_a', 'text'), required('item_b', 'text')],
    unique: ['rel_type', 'item_a', 'item_b'],
  },
  inv_purc: {
    title: '药品采购',
    columns: [
      FIXMEDINS_CODE,
      required('med_list_codg', 'text'),
      required('purc_time', 'timestamp'),
      required('purc_cnt', 'qty'),
      optional('finl_trns_pric', 'qty'),
      optional('spler_name', 'text'),
      optional('manu_lotnum', 'text'),
    ],
    periodColumn: 'purc_time',
  },
  inv_sale: {
    title: '药品销售',
    columns: [
      FIXMEDINS_CODE,
      required('rtal_docno', 'text'),
      required('med_list_codg', 'text'),
      required('sel_time', 'timestamp'),
      required('sel_cnt', 'qty'),
      optional('finl_trns_pric', 'qty'),
      optional('hi_feesetl_flag', 'text', { values: ['0', '1'] }),
      optional('setl_id', 'text'),
      optional('psn_no', 'text'),
      optional('rx_flag', 'text', { values: ['0', '1'] }),
      optional('rxno', 'text'),
    ],
    periodColumn: 'sel_time',
  },
  inv_stock: {
    title: '药品盘存',
    columns: [FIXMEDINS_CODE, required('med_list_codg', 'text'), required('invdate', 'date'), required('inv_cnt', 'qty')],
    periodColumn: 'invdate',
  },
  idauth: {
    title: '实名认证',
    columns: [
      required('auth_id', 'text'),
      required('psn_no', 'text'),
      FIXMEDINS_CODE,
      required('auth_time', 'timestamp'),
      required('auth_way', 'text', { values: ['face', 'fingerprint', 'ecert', 'card'] }),
      required('auth_rslt', 'text', { values: ['0', '1'] }),
      optional('mdtrt_id', 'text'),
    ],
    unique: ['auth_id'],
    periodColumn: 'auth_time',
  },
});

export function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}
