import { describe, expect, it } from 'vitest';
import { FINDING_SORTS, INSTITUTION_SORTS, PRACTITIONER_SORTS, WARNING_SORTS } from '../src/api/types';
import { pagedChange, serverSorted, sortFrom, sortOrderOf } from '../src/lib/paging';

describe('server-sorted columns', () => {
  it("show the list's sort as their arrow", () => {
    expect(sortOrderOf('amount', 'amount')).toBe('ascend');
    expect(sortOrderOf('-amount', 'amount')).toBe('descend');
    expect(sortOrderOf('-day', 'amount')).toBeNull();
    expect(serverSorted('-z', 'z', ['descend'])).toEqual({ key: 'z', sorter: true, sortDirections: ['descend'], sortOrder: 'descend' });
  });

  it('ask for the sort the API names: the key ascending, -key descending, nothing the API does not know', () => {
    expect(sortFrom(FINDING_SORTS, { columnKey: 'amount', order: 'ascend' })).toBe('amount');
    expect(sortFrom(FINDING_SORTS, { columnKey: 'day', order: 'descend' })).toBe('-day');
    expect(sortFrom(FINDING_SORTS, { columnKey: 'code', order: 'ascend' })).toBe('code');
    expect(sortFrom(FINDING_SORTS, { columnKey: 'status', order: 'ascend' })).toBeUndefined();
    expect(sortFrom(WARNING_SORTS, { columnKey: 'level', order: 'descend' })).toBe('-level');
    expect(sortFrom(WARNING_SORTS, { columnKey: 'month', order: 'ascend' })).toBe('month');
    expect(sortFrom(PRACTITIONER_SORTS, { columnKey: 'costPerRx', order: 'descend' })).toBe('-costPerRx');
    expect(sortFrom(INSTITUTION_SORTS, { columnKey: 'name', order: 'ascend' })).toBe('name');
    expect(sortFrom(INSTITUTION_SORTS, { columnKey: 'fundPaid', order: 'descend' })).toBe('-fundPaid');
    expect(sortFrom(INSTITUTION_SORTS, { columnKey: 'fundPaid', order: undefined })).toBeUndefined();
  });
});

describe('a table change', () => {
  type F = { q?: string; sort?: string; page?: number; pageSize?: number };
  const change = (filter: F, ...args: Parameters<ReturnType<typeof pagedChange<unknown, string, F>>>) => {
    let next: F | undefined;
    pagedChange<unknown, string, F>(filter, (f) => (next = f), FINDING_SORTS)(...args);
    return next;
  };
  const extra = (action: 'sort' | 'paginate') => ({ action, currentDataSource: [] });

  it('sorts from page 1, keeping the rest of the filter', () => {
    expect(change({ q: 'x', page: 3 }, {}, {}, { columnKey: 'amount', order: 'ascend' }, extra('sort'))).toEqual({
      q: 'x',
      sort: 'amount',
      page: undefined,
    });
    expect(change({ sort: 'amount', page: 2 }, {}, {}, { columnKey: 'amount', order: undefined }, extra('sort'))).toEqual({
      sort: undefined,
      page: undefined,
    });
  });

  it('keeps a page, goes back to page 1 with a new page size, and leaves the defaults out', () => {
    expect(change({ q: 'x' }, { current: 2, pageSize: 50 }, {}, {}, extra('paginate'))).toEqual({ q: 'x', page: 2, pageSize: undefined });
    expect(change({ page: 4 }, { current: 4, pageSize: 100 }, {}, {}, extra('paginate'))).toEqual({ page: undefined, pageSize: 100 });
  });
});
