/** The command line's options (read by node:util parseArgs, then checked with zod), their defaults, and the error for bad usage. */
import type { ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { parseTrustProxy, TRUST_PROXY_FORMAT } from '../config/environment.js';

export class UsageError extends Error {}

export const DEFAULT_WORKSPACE = 'data/fundguard.duckdb';
export const DEFAULT_PG_SCHEMA = 'fundguard';

export const OPTIONS = {
  input: { type: 'string' },
  out: { type: 'string' },
  db: { type: 'string' },
  engine: { type: 'string' },
  'pg-schema': { type: 'string' },
  'rules-config': { type: 'string' },
  'skip-invalid': { type: 'boolean' },
  rejects: { type: 'string' },
  quiet: { type: 'boolean' },
  'summary-json': { type: 'string' },
  json: { type: 'boolean' },
  labels: { type: 'string' },
  findings: { type: 'string' },
  persons: { type: 'string' },
  months: { type: 'string' },
  start: { type: 'string' },
  seed: { type: 'string' },
  format: { type: 'string' },
  'violation-rate': { type: 'string' },
  workers: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  demo: { type: 'boolean' },
  'secure-cookies': { type: 'boolean' },
  'trust-proxy': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

/** A flag's value as a number of 0 or more. */
const nonNegative = (flag: string) =>
  z.string().transform((v, ctx) => {
    const n = Number(v);
    if (Number.isFinite(n) && n >= 0) return n;
    ctx.addIssue({ code: 'custom', message: `--${flag} must be a number of 0 or more, not ${v}` });
    return z.NEVER;
  });

/** A flag's value from a list. */
const oneOf = <T extends string>(flag: string, values: readonly T[], what: string) =>
  z.string().transform((v, ctx) => {
    if ((values as readonly string[]).includes(v)) return v as T;
    ctx.addIssue({ code: 'custom', message: `--${flag} must be ${what}, not ${v}` });
    return z.NEVER;
  });

const portNumber = z.string().transform((v, ctx) => {
  const n = Number(v);
  if (Number.isInteger(n) && n >= 0 && n <= 65535) return n;
  ctx.addIssue({ code: 'custom', message: `--port must be a port number, not ${v}` });
  return z.NEVER;
});

const text = z.string().optional();
const flag = z.boolean().optional();

/** The flags as the commands use them: numbers as numbers, choices checked, each refusal naming the flag. */
const optionsSchema = z.object({
  input: text,
  out: text,
  db: text,
  engine: oneOf('engine', ['duckdb', 'postgres'], 'duckdb or postgres').optional(),
  'pg-schema': text,
  'rules-config': text,
  'skip-invalid': flag,
  rejects: text,
  quiet: flag,
  'summary-json': text,
  json: flag,
  labels: text,
  findings: text,
  help: flag,
  persons: nonNegative('persons').optional(),
  months: nonNegative('months').optional(),
  start: text,
  seed: nonNegative('seed').optional(),
  format: oneOf('format', ['csv', 'parquet'], 'csv or parquet').optional(),
  'violation-rate': nonNegative('violation-rate').optional(),
  workers: nonNegative('workers').optional(),
  port: portNumber.optional(),
  host: text,
  demo: flag,
  'secure-cookies': flag,
  'trust-proxy': z
    .string()
    .transform((v, ctx) => {
      const t = parseTrustProxy(v);
      if (t !== null) return t;
      ctx.addIssue({ code: 'custom', message: `--trust-proxy must be ${TRUST_PROXY_FORMAT}, not ${v}` });
      return z.NEVER;
    })
    .optional(),
});
export type Options = z.output<typeof optionsSchema>;

/** The parsed flags, or a UsageError naming the first one that is wrong. */
export function parseOptions(values: unknown): Options {
  const r = optionsSchema.safeParse(values);
  if (!r.success) throw new UsageError(r.error.issues[0]?.message ?? 'bad options');
  return r.data;
}
