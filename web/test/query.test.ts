import { describe, expect, it } from 'vitest';
import { findingsFilterToParams, findingsHref, parseFindingsFilter, parseInstitutionsFilter } from '../src/lib/query';
import { findingsExportUrl } from '../src/api/endpoints';
import { toQueryString } from '../src/api/client';

describe('findings filters in the query string', () => {
  it('reads the API parameters and drops what the API would reject', () => {
    const f = parseFindingsFilter(
      new URLSearchParams(
        'code=A,B&status=open,bogus&level=definite&admdvs=3301&from=2024-01-01&to=bad&minAmount=100&q=%20x%20&sort=-day&page=3&pageSize=500',
      ),
    );
    expect(f).toEqual({
      code: ['A', 'B'],
      status: ['open'],
      level: 'definite',
      admdvs: '3301',
      from: '2024-01-01',
      minAmount: 100,
      q: 'x',
      sort: '-day',
      page: 3,
    });
  });

  it('writes them back in a stable order, lists comma-separated', () => {
    expect(findingsFilterToParams({ page: 2, code: ['X', 'Y'], institution: 'H1' }).toString()).toBe('code=X%2CY&institution=H1&page=2');
    expect(findingsHref({})).toBe('/findings');
    expect(findingsHref({ level: 'suspect' })).toBe('/findings?level=suspect');
  });

  it('round-trips', () => {
    const f = { code: ['DUPLICATE_CHARGE'], status: ['open', 'assigned'], grid: 'G1', to: '2024-02-29', sort: 'amount' as const };
    expect(parseFindingsFilter(findingsFilterToParams(f))).toEqual(f);
  });

  it('exports the same filters without paging', () => {
    expect(findingsExportUrl({ code: ['A'], page: 4, pageSize: 100, sort: '-amount' })).toBe(
      '/api/findings/export.xlsx?code=A&sort=-amount',
    );
    expect(findingsExportUrl({})).toBe('/api/findings/export.xlsx');
  });
});

describe('query strings for the API', () => {
  it('leaves out empty values', () => {
    expect(toQueryString({ a: undefined, b: '', c: null, d: [], e: 0, f: ['x'] })).toBe('?e=0&f=x');
    expect(toQueryString(undefined)).toBe('');
  });
});

describe('institution filters', () => {
  it('keeps only known sorts and sane pages', () => {
    expect(parseInstitutionsFilter(new URLSearchParams('sort=-findings&page=0&q=abc&admdvs=x'))).toEqual({ sort: '-findings', q: 'abc' });
  });
});
