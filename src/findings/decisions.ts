/**
 * Triage of findings: who may do what, in which status, and the record of every change (who, role, when,
 * reason). Decisions live in the operational store; the current status of each finding is mirrored into the
 * workspace (fg_finding_status) so that lists can filter on it.
 */
import { randomUUID } from 'node:crypto';
import { audit } from '../audit/audit.js';
import { inScope } from '../auth/scope.js';
import { findUser } from '../auth/users.js';
import type { Scope } from '../contract/api/accounts.js';
import type { FindingDecision, FindingRow } from '../contract/api/findings.js';
import { BUREAU_ROLES, HANDLER_ROLES, type FindingDecisionAction, type FindingStatus, type Role } from '../contract/vocabulary.js';
import type { Queryable } from '../db/engine.js';
import type { RequestContext } from '../kernel/context.js';
import { conflict, forbidden, invalid } from '../kernel/errors.js';
import { nextSeq } from '../kernel/time.js';
import { isoTime, storeTime, type StoreDb } from '../store/db.js';
import { getFinding } from './list.js';
import { FINDING_STATUS } from './rows.js';

/** Which roles may take an action, and from which statuses. */
const RULES: Record<FindingDecisionAction, { roles: readonly Role[]; from: FindingStatus[]; to: FindingStatus | null }> = {
  confirm: { roles: BUREAU_ROLES, from: ['open', 'assigned', 'responded'], to: 'confirmed' },
  dismiss: { roles: BUREAU_ROLES, from: ['open', 'assigned', 'responded'], to: 'dismissed' },
  assign: { roles: HANDLER_ROLES, from: ['open', 'assigned', 'responded'], to: 'assigned' },
  respond: { roles: ['institution'], from: ['open', 'assigned', 'confirmed', 'responded'], to: 'responded' },
  reopen: { roles: BUREAU_ROLES, from: ['confirmed', 'dismissed'], to: 'open' },
};

export function allowedActions(role: Role, status: FindingStatus): FindingDecisionAction[] {
  return (Object.keys(RULES) as FindingDecisionAction[]).filter((a) => RULES[a].roles.includes(role) && RULES[a].from.includes(status));
}

export type FindingDecisionInput = { action: FindingDecisionAction; reason?: string | undefined; assignee?: string | undefined };

/** The caller decides on a finding inside their scope (confirm, dismiss, assign, respond, reopen); the decision is audited. */
export async function decideFinding(ctx: RequestContext, findingId: string, input: FindingDecisionInput): Promise<FindingDecision> {
  const finding = await getFinding(ctx, findingId);
  const decision = await recordDecision(ctx, finding, input);
  await audit(ctx.store, ctx.user.username, `decision_${input.action}`, finding.id, input.reason ?? null);
  return decision;
}

async function recordDecision(ctx: RequestContext, finding: FindingRow, input: FindingDecisionInput): Promise<FindingDecision> {
  const { store, workspace, user } = ctx;
  const rule = RULES[input.action];
  if (!rule.roles.includes(user.role)) throw forbidden(`a ${user.role} may not ${input.action} a finding`);
  if (!rule.from.includes(finding.status)) throw conflict(`cannot ${input.action} a finding that is ${finding.status}`);
  let assignee: string | null = finding.assignee;
  if (input.action === 'assign') {
    const target = await findUser(store, input.assignee!);
    const scope: Scope | null = target ? { role: target.role, admdvs: target.scope_admdvs, fixmedinsCode: target.scope_fixmedins } : null;
    if (!target || target.disabled || target.role !== 'analyst' || !inScope(scope!, finding.fixmedinsCode, finding.admdvs)) {
      throw invalid(`${input.assignee} is not an analyst whose region covers this finding`);
    }
    assignee = target.username;
  }
  const status = rule.to ?? finding.status;
  const at = storeTime(ctx.now());
  const id = randomUUID();
  await store.transaction(async (tx) => {
    // The latest decision must still be the one the caller saw: two reviewers deciding at once do not both win.
    const [last] = await tx.query<{ status_after: string }>(
      `SELECT status_after FROM fg_finding_decision WHERE finding_id = $1 ORDER BY seq DESC LIMIT 1`,
      [finding.id],
    );
    if ((last?.status_after ?? 'open') !== finding.status) throw conflict('the finding changed meanwhile; reload it');
    await tx.query(
      `INSERT INTO fg_finding_decision (id, finding_id, rule_code, fixmedins_code, action, reason, assignee, status_after, actor, actor_role, decided_at, seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CAST($11 AS TIMESTAMP), $12)`,
      [
        id,
        finding.id,
        finding.ruleCode,
        finding.fixmedinsCode,
        input.action,
        input.reason ?? null,
        assignee,
        status,
        user.username,
        user.role,
        at,
        nextSeq(),
      ],
    );
  });
  await workspace.query(`INSERT OR REPLACE INTO ${FINDING_STATUS} VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP))`, [
    finding.id,
    status,
    status === 'open' ? null : assignee,
    at,
  ]);
  ctx.workspaceChanged();
  return { id, action: input.action, reason: input.reason ?? null, assignee, actor: user.username, actorRole: user.role, at: isoTime(at) };
}

export async function decisionsOf(store: StoreDb, findingId: string): Promise<FindingDecision[]> {
  const rows = await store.query<{
    id: string;
    action: FindingDecisionAction;
    reason: string | null;
    assignee: string | null;
    actor: string;
    actor_role: Role;
    at: string;
  }>(
    `SELECT id, action, reason, assignee, actor, actor_role, CAST(decided_at AS VARCHAR) AS at FROM fg_finding_decision WHERE finding_id = $1 ORDER BY seq`,
    [findingId],
  );
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    reason: r.reason,
    assignee: r.assignee,
    actor: r.actor,
    actorRole: r.actor_role,
    at: isoTime(r.at),
  }));
}

/** Rebuilds the workspace's status mirror from the store's decisions (at start, and in server mode after a restart). */
export async function syncStatusMirror(store: StoreDb, workspace: Queryable): Promise<number> {
  const rows = await store.query<{ finding_id: string; status_after: string; assignee: string | null; at: string }>(`
    SELECT d.finding_id, d.status_after, d.assignee, CAST(d.decided_at AS VARCHAR) AS at FROM fg_finding_decision d
    JOIN (SELECT finding_id, MAX(seq) AS seq FROM fg_finding_decision GROUP BY finding_id) m ON m.finding_id = d.finding_id AND m.seq = d.seq`);
  await workspace.query(`DELETE FROM ${FINDING_STATUS}`);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = chunk.map((_, k) => `($${k * 4 + 1}, $${k * 4 + 2}, $${k * 4 + 3}, CAST($${k * 4 + 4} AS TIMESTAMP))`).join(', ');
    await workspace.query(
      `INSERT OR REPLACE INTO ${FINDING_STATUS} VALUES ${values}`,
      chunk.flatMap((r) => [r.finding_id, r.status_after, r.status_after === 'open' ? null : r.assignee, r.at]),
    );
  }
  return rows.length;
}
