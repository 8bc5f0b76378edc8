/** The findings list as the Excel workbook a bureau files: the same filters as the list, every row of them. */
import { audit } from '../audit/audit.js';
import type { FindingsQuery } from '../contract/api/findings.js';
import type { RequestContext } from '../kernel/context.js';
import { EXCEL_MAX_ROWS, type Workbook, type WorkbookColumn } from '../reports/xlsx-writer.js';
import { iterateFindings } from './list.js';

const COLUMNS: WorkbookColumn[] = [
  { header: '规则代码 Rule', key: 'ruleCode', width: 26 },
  { header: '规则 Rule name', key: 'ruleName', width: 16 },
  { header: '级别 Level', key: 'level', width: 10 },
  { header: '机构编码 Institution', key: 'fixmedinsCode', width: 15 },
  { header: '机构名称 Institution name', key: 'institutionName', width: 28 },
  { header: '行政区划 Region', key: 'regionName', width: 10 },
  { header: '网格 Grid', key: 'gridId', width: 12 },
  { header: '人员编号 Person', key: 'psnNo', width: 18 },
  { header: '就诊ID Visit', key: 'mdtrtId', width: 20 },
  { header: '结算ID Settlement', key: 'setlId', width: 20 },
  { header: '明细流水号 Fee line', key: 'feedetlSn', width: 22 },
  { header: '项目编码 Item', key: 'medListCodg', width: 24 },
  { header: '日期 Day', key: 'day', width: 11, format: 'date' },
  { header: '零售单据号 Sale document', key: 'rtalDocno', width: 18 },
  { header: '涉及金额 Amount (元)', key: 'amount', width: 14, format: 'money' },
  { header: '状态 Status', key: 'status', width: 10 },
  { header: '分派给 Assignee', key: 'assignee', width: 12 },
  { header: '疑点说明 Evidence', key: 'detail', width: 60 },
];

/** The filtered findings inside the caller's scope as a workbook (at most one sheet's rows); the export is audited. */
export async function exportFindings(ctx: RequestContext, q: Omit<FindingsQuery, 'page' | 'pageSize'>): Promise<Workbook> {
  await audit(ctx.store, ctx.user.username, 'export_findings', null, JSON.stringify({ ...q, page: undefined, pageSize: undefined }));
  const rows = iterateFindings(ctx.workspace, q, ctx.scope, EXCEL_MAX_ROWS - 1);
  return {
    fileName: `findings-${ctx.now().toISOString().slice(0, 10)}.xlsx`,
    sheets: [{ name: '疑点 Findings', columns: COLUMNS, rows: rows as AsyncIterable<Record<string, unknown>> }],
  };
}
