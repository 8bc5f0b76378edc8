/** The bureau's rule configuration as the workbench keeps it (fg_rule_config in the operational store). */
import { BUILT_IN_RULES } from './catalog.js';
import { configureRules, type ConfiguredRule, type RulesConfig } from './config.js';
import { type StoreDb, storeTime } from '../store/db.js';

export async function loadRuleSettings(store: StoreDb): Promise<RulesConfig> {
  const rows = await store.query<{ code: string; enabled: boolean; params: string }>(`SELECT code, enabled, params FROM fg_rule_config`);
  const rules: RulesConfig['rules'] = {};
  for (const r of rows)
    if (BUILT_IN_RULES.some((x) => x.code === r.code))
      rules[r.code] = { enabled: r.enabled, params: JSON.parse(r.params) as Record<string, number> };
  return { rules };
}

export async function configuredRules(store: StoreDb): Promise<ConfiguredRule[]> {
  return configureRules(await loadRuleSettings(store));
}

/** How long a read configuration is trusted by currentRules; a change made through this process is seen at once. */
export const RULES_RECHECK_MS = 5_000;
const lastRead = new WeakMap<StoreDb, { at: number; rules: Promise<ConfiguredRule[]> }>();

/**
 * The configuration for showing beside findings (every finding's detail states its rule's configured wording):
 * read at most every few seconds instead of on every request. Screening reads it afresh (configuredRules).
 */
export function currentRules(store: StoreDb, now = Date.now()): Promise<ConfiguredRule[]> {
  const last = lastRead.get(store);
  if (last && now - last.at < RULES_RECHECK_MS) return last.rules;
  const rules = configuredRules(store);
  lastRead.set(store, { at: now, rules });
  rules.catch(() => lastRead.delete(store));
  return rules;
}

/** Changes one rule's enabled state and parameters; the whole configuration is validated first (ConfigError). */
export async function updateRuleSetting(
  store: StoreDb,
  code: string,
  change: { enabled?: boolean | undefined; params?: Record<string, number> | undefined },
  by: string,
): Promise<ConfiguredRule> {
  const config = await loadRuleSettings(store);
  const current = configureRules(config).find((r) => r.rule.code === code)!;
  const entry = { enabled: change.enabled ?? current.enabled, params: { ...current.params, ...(change.params ?? {}) } };
  const next = configureRules({ rules: { ...config.rules, [code]: entry } });
  await store.transaction(async (tx) => {
    await tx.query(`DELETE FROM fg_rule_config WHERE code = $1`, [code]);
    await tx.query(
      `INSERT INTO fg_rule_config (code, enabled, params, updated_by, updated_at) VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMP))`,
      [code, entry.enabled, JSON.stringify(entry.params), by, storeTime()],
    );
  });
  lastRead.delete(store);
  return next.find((r) => r.rule.code === code)!;
}
