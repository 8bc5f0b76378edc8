/** The configuration from the environment: defaults, empty variables, and bad values named with the reason. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL, EnvironmentError, readConfig } from '../../src/config/environment.js';
import { fundguard } from '../support/cli.js';

describe('the environment', () => {
  it('gives the defaults when nothing is set, and an empty variable counts as unset', () => {
    const defaults = {
      port: undefined,
      host: undefined,
      databaseUrl: undefined,
      postgresUrl: DEFAULT_DATABASE_URL,
      pgSchema: undefined,
      lineScopes: true,
      dataset: { lazy: true, debug: false },
      uploadExpiryHours: 24,
      secureCookies: false,
      trustProxy: undefined,
    };
    expect(readConfig({})).toEqual(defaults);
    expect(readConfig({ PORT: '', HOST: '', DATABASE_URL: '', FUNDGUARD_PG_SCHEMA: '', FUNDGUARD_LAZY: '' })).toEqual(defaults);
    expect(readConfig({ FUNDGUARD_SECURE_COOKIES: '', FUNDGUARD_TRUST_PROXY: '' })).toEqual(defaults);
  });

  it('reads every variable', () => {
    expect(
      readConfig({
        PORT: '3000',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://u@h/db',
        FUNDGUARD_PG_SCHEMA: 'city',
        FUNDGUARD_LINE_SCOPES: '0',
        FUNDGUARD_LAZY: '0',
        FUNDGUARD_DEBUG: '1',
        FUNDGUARD_UPLOAD_EXPIRY_HOURS: '2.5',
        FUNDGUARD_SECURE_COOKIES: '1',
        FUNDGUARD_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,loopback, fd00::/8',
        UNRELATED: 'x',
      }),
    ).toEqual({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u@h/db',
      postgresUrl: 'postgres://u@h/db',
      pgSchema: 'city',
      lineScopes: false,
      dataset: { lazy: false, debug: true },
      uploadExpiryHours: 2.5,
      secureCookies: true,
      trustProxy: ['10.0.0.5', '10.1.0.0/16', 'loopback', 'fd00::/8'],
    });
  });

  it('takes proxies to trust only as addresses and ranges: no "trust everything", no hop count', () => {
    expect(readConfig({ FUNDGUARD_TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual(['127.0.0.1']);
    for (const bad of ['true', '1', '2', '*', '10.0.0.0/33', '10.0.0.1/8/8', 'proxy.example.com', '10.0.0.1,,10.0.0.2'])
      expect(() => readConfig({ FUNDGUARD_TRUST_PROXY: bad }), bad).toThrow(
        new EnvironmentError(
          `FUNDGUARD_TRUST_PROXY must be proxy addresses or CIDR ranges separated by commas (or the ranges loopback, linklocal, uniquelocal), not ${JSON.stringify(bad)}`,
        ),
      );
    expect(() => readConfig({ FUNDGUARD_SECURE_COOKIES: 'true' })).toThrow(
      new EnvironmentError('FUNDGUARD_SECURE_COOKIES must be 0 or 1, not "true"'),
    );
  });

  it('names each bad variable with the reason', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(new EnvironmentError('PORT must be a port number (0 to 65535), not "eighty"'));
    expect(() => readConfig({ PORT: '70000', FUNDGUARD_LAZY: 'no' })).toThrow(
      new EnvironmentError('PORT must be a port number (0 to 65535), not "70000"; FUNDGUARD_LAZY must be 0 or 1, not "no"'),
    );
    expect(() => readConfig({ FUNDGUARD_UPLOAD_EXPIRY_HOURS: '0' })).toThrow(
      new EnvironmentError('FUNDGUARD_UPLOAD_EXPIRY_HOURS must be a number of hours above 0, not "0"'),
    );
    expect(() => readConfig({ FUNDGUARD_PG_SCHEMA: 'a"b' })).toThrow(/^FUNDGUARD_PG_SCHEMA must be a schema name without double quotes/);
  });

  it('stops the command line with exit code 1', () => {
    const r = fundguard(['rules'], { FUNDGUARD_DEBUG: 'yes' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('fundguard: FUNDGUARD_DEBUG must be 0 or 1, not "yes"\n');
  });
});
