/** Findings (疑点): list, Excel export, detail with evidence, triage decisions. */
import type { FastifyInstance } from 'fastify';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import { listUsers } from '../../auth/users.js';
import { findingDetail } from '../../findings/detail.js';
import { getFinding, iterateFindings, listFindings } from '../../findings/list.js';
import { writeWorkbook } from '../../reports/xlsx-writer.js';
import { configuredRules } from '../../screening/settings.js';
import { DecisionRefused, recordDecision } from '../../findings/decisions.js';
import { type UserRow, usersQuery } from '../../contract/api/accounts.js';
import type { Page } from '../../contract/api/common.js';
import {
  type FindingDecision,
  type FindingDetail,
  type FindingRow,
  findingDecisionBody,
  findingsQuery,
} from '../../contract/api/findings.js';
import { HttpError, notFound, route } from '../http.js';
import type { Workbench } from '../workbench.js';

const idParams = z.object({ id: z.string().regex(/^[0-9a-f]{32}$/, 'a finding id') });
/** Excel's sheet holds 1,048,576 rows with the header. */
const EXPORT_LIMIT = 1_048_575;

const EXPORT_COLUMNS = [
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
  { header: '日期 Day', key: 'day', width: 11, format: 'date' as const },
  { header: '零售单据号 Sale document', key: 'rtalDocno', width: 18 },
  { header: '涉及金额 Amount (元)', key: 'amount', width: 14, format: 'money' as const },
  { header: '状态 Status', key: 'status', width: 10 },
  { header: '分派给 Assignee', key: 'assignee', width: 12 },
  { header: '疑点说明 Evidence', key: 'detail', width: 60 },
];

export function findingRoutes(app: FastifyInstance, wb: Workbench): void {
  route(app, {
    method: 'GET',
    url: '/api/findings',
    tag: 'findings',
    summary: 'Findings inside your scope: filtered, sorted, paged',
    roles: 'any',
    query: findingsQuery,
    success: { status: 200, description: 'Page<FindingRow>' },
    handler: async ({ query, scope }): Promise<Page<FindingRow>> => listFindings(wb.reads, query, scope),
  });
  route(app, {
    method: 'GET',
    url: '/api/findings/export.xlsx',
    tag: 'findings',
    summary: 'The filtered findings list as an Excel workbook',
    roles: 'any',
    query: findingsQuery,
    success: { status: 200, description: 'xlsx file', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    handler: async ({ query, scope, user, reply }) => {
      await audit(wb.store, user.username, 'export_findings', null, JSON.stringify({ ...query, page: undefined, pageSize: undefined }));
      const stream = new PassThrough();
      reply.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('Content-Disposition', `attachment; filename="findings-${new Date().toISOString().slice(0, 10)}.xlsx"`);
      const rows = iterateFindings(wb.reads, query, scope, EXPORT_LIMIT);
      void writeWorkbook(stream, [
        { name: '疑点 Findings', columns: EXPORT_COLUMNS, rows: rows as AsyncIterable<Record<string, unknown>> },
      ]).catch((e) => stream.destroy(e as Error));
      return reply.send(stream);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/findings/:id',
    tag: 'findings',
    summary: 'One finding with its evidence (404 outside your scope); the read of personal data is logged',
    roles: 'any',
    params: idParams,
    success: { status: 200, description: 'FindingDetail' },
    handler: async ({ params, scope, user }): Promise<FindingDetail> => {
      const finding = await getFinding(wb.reads, params.id, scope);
      if (!finding) throw notFound('no such finding in your scope');
      const detail = await findingDetail(wb.reads, wb.store, finding, scope, await configuredRules(wb.store));
      if (detail.person || detail.visit)
        await audit(wb.store, user.username, 'read_person', finding.psnNo ?? detail.visit?.mdtrtId ?? null, `finding ${finding.id}`);
      return detail;
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/findings/:id/decisions',
    tag: 'findings',
    summary: 'Confirm, dismiss, assign, respond to or reopen a finding',
    roles: 'any',
    params: idParams,
    body: findingDecisionBody,
    success: { status: 201, description: 'Decision' },
    handler: async ({ params, body, scope, user }): Promise<FindingDecision> => {
      const finding = await getFinding(wb.reads, params.id, scope);
      if (!finding) throw notFound('no such finding in your scope');
      try {
        const d = await recordDecision(wb.store, wb.reads, user, finding, body);
        await audit(wb.store, user.username, `decision_${body.action}`, finding.id, body.reason ?? null);
        return d;
      } catch (e) {
        if (e instanceof DecisionRefused)
          throw new HttpError(e.status, e.status === 403 ? 'forbidden' : e.status === 409 ? 'conflict' : 'validation', e.message);
        throw e;
      }
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/users',
    tag: 'accounts',
    summary: 'Users (to assign findings to analysts)',
    roles: ['admin', 'analyst', 'reviewer'],
    query: usersQuery,
    success: { status: 200, description: 'Page<UserRow>' },
    handler: async ({ query }): Promise<Page<UserRow>> => ({
      ...(await listUsers(wb.store, query.role, query.page, query.pageSize)),
      page: query.page,
      pageSize: query.pageSize,
    }),
  });
}
