/**
 * Fundguard's configuration from the environment, parsed once when the command line starts and handed down as
 * plain options: the server, the engines and the importer never read the environment themselves. An empty
 * variable counts as unset; a bad value is an EnvironmentError naming the variable and the reason.
 */
import { z } from 'zod';

/** The PostgreSQL of --engine postgres and of the tests when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface Config {
  /** PORT: serve's port when --port is not given. */
  port: number | undefined;
  /** HOST: serve's address when --host is not given. */
  host: string | undefined;
  /** DATABASE_URL: the operational store of serve and verify-log is PostgreSQL when it is set. */
  databaseUrl: string | undefined;
  /** DATABASE_URL, else DEFAULT_DATABASE_URL: where --engine postgres (and the tests) connect. */
  postgresUrl: string;
  /** FUNDGUARD_PG_SCHEMA: the PostgreSQL store's schema when --pg-schema is not given. */
  pgSchema: string | undefined;
  /** FUNDGUARD_LINE_SCOPES (default 1): 0 makes every rule read all fee lines itself instead of the shared pass. */
  lineScopes: boolean;
  /**
   * The importer's switches: FUNDGUARD_LAZY (default 1; 0 copies Parquet files into memory instead of reading
   * them through views) and FUNDGUARD_DEBUG (default 0; 1 says why a file left the fast typed read).
   */
  dataset: { lazy: boolean; debug: boolean };
  /** FUNDGUARD_UPLOAD_EXPIRY_HOURS (default 24): an upload checked but not applied is deleted after this many hours. */
  uploadExpiryHours: number;
}

export class EnvironmentError extends Error {}

const PORT_RANGE = (v: string) => Number.isInteger(Number(v)) && Number(v) >= 0 && Number(v) <= 65535;
const SWITCH = z.enum(['0', '1'], { error: 'must be 0 or 1' }).optional();

const ENVIRONMENT = z.object({
  PORT: z.string().refine(PORT_RANGE, 'must be a port number (0 to 65535)').transform(Number).optional(),
  HOST: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  FUNDGUARD_PG_SCHEMA: z
    .string()
    .refine((v) => !v.includes('"'), 'must be a schema name without double quotes')
    .optional(),
  FUNDGUARD_LINE_SCOPES: SWITCH,
  FUNDGUARD_LAZY: SWITCH,
  FUNDGUARD_DEBUG: SWITCH,
  FUNDGUARD_UPLOAD_EXPIRY_HOURS: z
    .string()
    .refine((v) => /^\d+(\.\d+)?$/.test(v.trim()) && Number(v) > 0, 'must be a number of hours above 0')
    .transform(Number)
    .optional(),
});

type Variable = keyof typeof ENVIRONMENT.shape;

/** Parses the variables Fundguard reads (process.env unless given). Throws an EnvironmentError for a bad value. */
export function readConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const given: Partial<Record<Variable, string>> = {};
  for (const name of Object.keys(ENVIRONMENT.shape) as Variable[]) if (env[name] !== undefined && env[name] !== '') given[name] = env[name];
  const parsed = ENVIRONMENT.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const name = String(i.path[0]) as Variable;
      return `${name} ${i.message}, not ${JSON.stringify(given[name])}`;
    });
    throw new EnvironmentError(problems.join('; '));
  }
  const v = parsed.data;
  return {
    port: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL,
    postgresUrl: v.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    pgSchema: v.FUNDGUARD_PG_SCHEMA,
    lineScopes: v.FUNDGUARD_LINE_SCOPES !== '0',
    dataset: { lazy: v.FUNDGUARD_LAZY !== '0', debug: v.FUNDGUARD_DEBUG === '1' },
    uploadExpiryHours: v.FUNDGUARD_UPLOAD_EXPIRY_HOURS ?? 24,
  };
}
