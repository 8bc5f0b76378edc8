/** A bureau's rule configuration (`--rules-config`, JSON or YAML): parameters and enabled state per code. */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { BUILT_IN_RULES } from './catalog.js';
import type { Params, RuleDefinition } from './rule.js';
import { DomainError } from '../kernel/errors.js';

const configSchema = z
  .object({
    rules: z
      .record(z.string(), z.object({ enabled: z.boolean().optional(), params: z.record(z.string(), z.number()).optional() }).strict())
      .default({}),
  })
  .strict();

export type RulesConfig = z.infer<typeof configSchema>;

export interface ConfiguredRule {
  rule: RuleDefinition;
  enabled: boolean;
  params: Params;
}

/** A rule configuration that breaks a rule's definition: an unknown code or parameter, a value below its minimum. */
export class ConfigError extends DomainError {
  constructor(message: string) {
    super('invalid', message);
  }
}

export async function loadRulesConfig(path: string): Promise<RulesConfig> {
  const text = await readFile(path, 'utf8');
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${path}: not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(e as Error).message}`);
  }
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Applies a configuration to the built-in rules; unknown codes and parameters are errors. */
export function configureRules(config: RulesConfig = { rules: {} }, rules: readonly RuleDefinition[] = BUILT_IN_RULES): ConfiguredRule[] {
  for (const code of Object.keys(config.rules)) {
    if (!rules.some((r) => r.code === code)) throw new ConfigError(`rules.${code}: unknown rule code`);
  }
  return rules.map((rule) => {
    const entry = config.rules[rule.code] ?? {};
    const params: Params = {};
    for (const [name, spec] of Object.entries(rule.params)) params[name] = spec.default;
    for (const [name, value] of Object.entries(entry.params ?? {})) {
      const spec = rule.params[name];
      if (!spec)
        throw new ConfigError(
          `rules.${rule.code}.params.${name}: unknown parameter (known: ${Object.keys(rule.params).join(', ') || 'none'})`,
        );
      if (!Number.isFinite(value) || (spec.min !== undefined && value < spec.min)) {
        throw new ConfigError(`rules.${rule.code}.params.${name}: ${value} is below the minimum ${spec.min}`);
      }
      params[name] = value;
    }
    return { rule, enabled: entry.enabled ?? true, params };
  });
}
