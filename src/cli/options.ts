/** The command line's options (node:util parseArgs), their defaults, and the error for bad usage. */
import type { ParseArgsConfig } from 'node:util';

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
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

export type Options = {
  input?: string;
  out?: string;
  db?: string;
  engine?: string;
  'pg-schema'?: string;
  'rules-config'?: string;
  'skip-invalid'?: boolean;
  rejects?: string;
  quiet?: boolean;
  'summary-json'?: string;
  json?: boolean;
  labels?: string;
  findings?: string;
  help?: boolean;
  persons?: string;
  months?: string;
  start?: string;
  seed?: string;
  format?: string;
  'violation-rate'?: string;
  workers?: string;
  port?: string;
  host?: string;
  demo?: boolean;
};

export class UsageError extends Error {}
