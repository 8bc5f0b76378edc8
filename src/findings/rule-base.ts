/** The rule base as the workbench shows it: each rule with its configured parameters and its findings inside the caller's scope. */
import { audit } from '../audit/audit.js';
import { scopeCondition } from '../auth/scope.js';
import type { Page, PageQuery } from '../contract/api/common.js';
import type { RuleInfo } from '../contract/api/rules.js';
import { requireRole, type RequestContext } from '../kernel/context.js';
import { notFound } from '../kernel/errors.js';
import { round2 } from '../kernel/numbers.js';
import { Params, toPage } from '../kernel/sql.js';
import type { ConfiguredRule } from '../screening/config.js';
import { renderDefinition } from '../screening/rule.js';
import { configuredRules, updateRuleSetting } from '../screening/settings.js';
import { FINDING_AGG } from './rows.js';

type RuleStats = Map<string, { n: number; amount: number }>;

function ruleInfo(c: ConfiguredRule, stats: RuleStats): RuleInfo {
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

/** Findings and their amount by rule, inside the caller's scope. */
async function ruleStats(ctx: RequestContext): Promise<RuleStats> {
  const p = new Params();
  const rows = await ctx.workspace.query<{ rule_code: string; n: number; amount: number }>(
    `SELECT r.rule_code, SUM(r.findings) AS n, CAST(SUM(r.amount) AS DOUBLE) AS amount FROM ${FINDING_AGG} r
    WHERE ${scopeCondition(ctx.scope, p, 'r.fixmedins_code', 'r.admdvs')} GROUP BY r.rule_code`,
    p.values,
  );
  return new Map(rows.map((r) => [r.rule_code, { n: Number(r.n), amount: round2(Number(r.amount)) }]));
}

export async function listRules(ctx: RequestContext, q: PageQuery): Promise<Page<RuleInfo>> {
  const [rules, stats] = await Promise.all([configuredRules(ctx.store), ruleStats(ctx)]);
  const items = rules.map((r) => ruleInfo(r, stats));
  return toPage(items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), items.length, q);
}

/** An administrator changes a rule's parameters or enabled state; it takes effect at the next screening. */
export async function updateRule(
  ctx: RequestContext,
  code: string,
  change: { enabled?: boolean | undefined; params?: Record<string, number> | undefined },
): Promise<RuleInfo> {
  requireRole(ctx, ['admin'], 'change rules');
  if (!(await configuredRules(ctx.store)).some((r) => r.rule.code === code)) throw notFound('no such rule');
  const updated = await updateRuleSetting(ctx.store, code, change, ctx.user.username);
  await audit(ctx.store, ctx.user.username, 'rule_update', code, JSON.stringify(change));
  return ruleInfo(updated, await ruleStats(ctx));
}
