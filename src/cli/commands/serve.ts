/** `fundguard serve` (and `npm start`): the web workbench, until SIGINT or SIGTERM. */
import type { Config } from '../../config/environment.js';
import { table } from '../format.js';
import { DEFAULT_WORKSPACE, type Options } from '../options.js';

export async function serveCommand(opts: Options, config: Config): Promise<number> {
  const port = opts.port ?? config.port ?? 8080;
  const { serve } = await import('../../server/start.js');
  const secureCookies = opts['secure-cookies'] === true || config.secureCookies;
  const trustProxy = opts['trust-proxy'] ?? config.trustProxy;
  const served = await serve({
    db: opts.db ?? DEFAULT_WORKSPACE,
    port,
    host: opts.host ?? config.host ?? '127.0.0.1',
    demo: opts.demo === true,
    demoCases: opts.demo === true,
    databaseUrl: config.databaseUrl,
    pgSchema: opts['pg-schema'] ?? config.pgSchema,
    dataset: config.dataset,
    uploadExpiryHours: config.uploadExpiryHours,
    secureCookies,
    trustProxy,
  });
  console.log(`\nFundguard workbench: ${served.url.replace('//127.0.0.1:', '//localhost:')}`);
  console.log(
    `operational data: ${config.databaseUrl ? `PostgreSQL (${opts['pg-schema'] ?? config.pgSchema ?? 'fundguard_app'})` : `embedded in ${opts.db ?? DEFAULT_WORKSPACE}`}`,
  );
  console.log(
    `session cookie: ${secureCookies ? 'Secure, __Host-fg_session (HTTPS only)' : 'fg_session, not Secure (--secure-cookies behind HTTPS)'}; ` +
      `client addresses: ${trustProxy ? `X-Forwarded-For from ${trustProxy.join(', ')}` : 'the connection (X-Forwarded-For ignored)'}`,
  );
  if (served.accounts.length) {
    console.log(
      table(
        ['demo account', 'password', 'role', 'scope'],
        served.accounts.map((a) => [a.username, a.password, a.role, a.scope]),
      ),
    );
    console.log('(demo passwords: change them before real use)');
  }
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await served.close();
  return 0;
}
