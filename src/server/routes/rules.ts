/** The rule base: parameters and enabled state, and screening runs with progress. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import { Params, scopeCondition } from '../../auth/scope.js';
import { FINDING_AGG } from '../../findings/rows.js';
import { ConfigError, type ConfiguredRule } from '../../screening/config.js';
import { renderDefinition } from '../../screening/rule.js';
import { configuredRules, updateRuleSetting } from '../../screening/settings.js';
import { type Page, pageQuery } from '../../contract/api/common.js';
import { type Job, type RuleInfo, ruleUpdateBody } from '../../contract/api/rules.js';
import { HttpError, notFound, route } from '../http.js';
import type { Workbench } from '../workbench.js';

function ruleInfo(c: ConfiguredRule, stats: Map<string, { n: number; amount: number }>): RuleInfo {
  const s = stats.get(c.rule.code);
  return {
    code: c.rule.code,
    name: c.rule.name,
    nameEn: c.rule.nameEn,
    level: c.rule.level,
    key: c.rule.key,
    definition: renderDefinition(c.rule, c.params),
    enabled: c.enabled,
    params: Object.entries(c.rule.params).map(([name, spec]) => ({
      name,
      value: c.params[name] ?? spec.default,
      default: spec.default,
      min: spec.min ?? null,
      description: spec.description,
    })),
    findings: s?.n ?? 0,
    amount: s?.amount ?? 0,
  };
}

export function ruleRoutes(app: FastifyInstance, wb: Workbench): void {
  const stats = async (scope: Parameters<typeof scopeCondition>[0]) => {
    const p = new Params();
    const rows = await wb.reads.query<{ rule_code: string; n: number; amount: number }>(
      `SELECT r.rule_code, SUM(r.findings) AS n, CAST(SUM(r.amount) AS DOUBLE) AS amount FROM ${FINDING_AGG} r WHERE ${scopeCondition(scope, p, 'r.fixmedins_code', 'r.admdvs')} GROUP BY r.rule_code`,
      p.values,
    );
    return new Map(rows.map((r) => [r.rule_code, { n: Number(r.n), amount: Math.round(Number(r.amount) * 100) / 100 }]));
  };
  route(app, {
    method: 'GET',
    url: '/api/rules',
    tag: 'rules',
    summary: 'The rules with their parameters, enabled state and current findings (inside your scope)',
    roles: 'any',
    query: pageQuery,
    success: { status: 200, description: 'Page<RuleInfo>' },
    handler: async ({ query, scope }): Promise<Page<RuleInfo>> => {
      const [rules, s] = await Promise.all([configuredRules(wb.store), stats(scope)]);
      const items = rules.map((r) => ruleInfo(r, s));
      return {
        items: items.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
        total: items.length,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  });
  route(app, {
    method: 'PUT',
    url: '/api/rules/:code',
    tag: 'rules',
    summary: "Changes a rule's parameters or enabled state (takes effect at the next screening)",
    roles: ['admin'],
    params: z.object({ code: z.string().regex(/^[A-Z_]{3,40}$/) }),
    body: ruleUpdateBody,
    success: { status: 200, description: 'RuleInfo' },
    handler: async ({ params, body, user, scope }): Promise<RuleInfo> => {
      if (!(await configuredRules(wb.store)).some((r) => r.rule.code === params.code)) throw notFound('no such rule');
      try {
        const updated = await updateRuleSetting(wb.store, params.code, body, user.username);
        await audit(wb.store, user.username, 'rule_update', params.code, JSON.stringify(body));
        return ruleInfo(updated, await stats(scope));
      } catch (e) {
        if (e instanceof ConfigError) throw new HttpError(400, 'validation', e.message);
        throw e;
      }
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/screenings',
    tag: 'rules',
    summary: 'Re-runs screening with the current rules; findings are replaced, decisions kept',
    roles: ['admin'],
    success: { status: 202, description: 'Job' },
    handler: async ({ user }): Promise<Job> => {
      await audit(wb.store, user.username, 'screening_start', null, null);
      return wb.startScreening();
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/jobs/:id',
    tag: 'rules',
    summary: "A screening or import job's progress",
    roles: ['admin', 'analyst'],
    params: z.object({ id: z.string().uuid() }),
    success: { status: 200, description: 'Job' },
    handler: async ({ params }): Promise<Job> => {
      const job = wb.jobs.get(params.id);
      if (!job) throw notFound('no such job');
      return job;
    },
  });
}
