/**
 * Fundguard's configuration from the environment, parsed once when the command line starts and handed down as
 * plain options: the server, the engines and the importer never read the environment themselves. An empty
 * variable counts as unset; a bad value is an EnvironmentError naming the variable and the reason.
 */
import { isIP } from 'node:net';
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
  /** FUNDGUARD_SECURE_COOKIES (default 0): 1 marks the session cookie Secure and names it __Host-fg_session (serving behind HTTPS). */
  secureCookies: boolean;
  /**
   * FUNDGUARD_TRUST_PROXY (default: unset, X-Forwarded-For is ignored): the reverse proxies whose X-Forwarded-For
   * gives the client's address, as addresses and CIDR ranges (see parseTrustProxy).
   */
  trustProxy: TrustProxy | undefined;
}

/** The proxies whose X-Forwarded-For is believed: their addresses, CIDR ranges and named ranges. */
export type TrustProxy = string[];

export const TRUST_PROXY_FORMAT = 'proxy addresses or CIDR ranges separated by commas (or the ranges loopback, linklocal, uniquelocal)';

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * A trust-proxy setting, e.g. `10.0.0.5, 10.1.0.0/16, loopback`: X-Forwarded-For is believed only on a connection
 * from one of these, and only as far back as the chain of trusted hops goes. Null when malformed. There is no
 * "trust everything" and no hop count (Fastify 5 no longer honours one): anyone reaching the server directly could
 * then claim any address.
 */
export function parseTrustProxy(v: string): TrustProxy | null {
  const items = v.split(',').map((x) => x.trim());
  const valid = (x: string) => {
    if (NAMED_RANGES.has(x)) return true;
    const [address, bits, ...rest] = x.split('/');
    const family = isIP(address ?? '');
    if (!family || rest.length) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  };
  return items.every(valid) ? items : null;
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
  FUNDGUARD_SECURE_COOKIES: SWITCH,
  FUNDGUARD_TRUST_PROXY: z
    .string()
    .refine((v) => parseTrustProxy(v) !== null, `must be ${TRUST_PROXY_FORMAT}`)
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
    secureCookies: v.FUNDGUARD_SECURE_COOKIES === '1',
    trustProxy: v.FUNDGUARD_TRUST_PROXY === undefined ? undefined : (parseTrustProxy(v.FUNDGUARD_TRUST_PROXY) ?? undefined),
  };
}
