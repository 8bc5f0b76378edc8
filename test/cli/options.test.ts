/** The command line's flags, parsed once: numbers as numbers, choices checked, a bad value refused naming the flag. */
import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../src/cli/options.js';
import { fundguard } from '../support/cli.js';

describe('command-line flags', () => {
  it('turns numbers and choices into typed values, and leaves absent flags absent', () => {
    expect(
      parseOptions({ persons: '500', 'violation-rate': '0', engine: 'postgres', format: 'parquet', port: '8091', quiet: true }),
    ).toEqual({
      persons: 500,
      'violation-rate': 0,
      engine: 'postgres',
      format: 'parquet',
      port: 8091,
      quiet: true,
    });
    expect(parseOptions({})).toEqual({});
  });

  it('reads the serving flags for HTTPS and a reverse proxy', () => {
    expect(parseOptions({ 'secure-cookies': true, 'trust-proxy': '10.0.0.5,192.168.0.0/16, loopback' })).toEqual({
      'secure-cookies': true,
      'trust-proxy': ['10.0.0.5', '192.168.0.0/16', 'loopback'],
    });
    expect(() => parseOptions({ 'trust-proxy': 'true' })).toThrow(
      new UsageError(
        '--trust-proxy must be proxy addresses or CIDR ranges separated by commas (or the ranges loopback, linklocal, uniquelocal), not true',
      ),
    );
    const r = fundguard(['serve', '--trust-proxy', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fundguard: --trust-proxy must be proxy addresses or CIDR ranges');
    expect(fundguard(['--help']).stdout).toMatch(/--secure-cookies[\s\S]*--trust-proxy/);
  });

  it('refuses a bad value with the flag and the value', () => {
    expect(() => parseOptions({ persons: '-3' })).toThrow(new UsageError('--persons must be a number of 0 or more, not -3'));
    expect(() => parseOptions({ engine: 'mysql' })).toThrow(new UsageError('--engine must be duckdb or postgres, not mysql'));
    expect(() => parseOptions({ port: '70000' })).toThrow(new UsageError('--port must be a port number, not 70000'));
    const r = fundguard(['generate', '--out', '/tmp/never', '--format', 'xls']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fundguard: --format must be csv or parquet, not xls');
  });
});
