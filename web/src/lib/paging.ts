/**
 * Lists paged and sorted on the server, their state in the URL: the table's pagination settings and what a
 * table change (a page, a page size, a sort) makes of the filter. Page 1, the default page size and the
 * default sort are left out of the filter, so that URLs stay short and stable.
 */
import type { TablePaginationConfig, TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';

export const DEFAULT_PAGE_SIZE = 50;
export const PAGE_SIZE_OPTIONS = [20, 50, 100, 200];

interface Paged<S> {
  page?: number;
  pageSize?: number;
  sort?: S;
}

/** The table's pagination: current page, size and total, with the size changer and a "total" line. */
export function paginationOf(filter: Paged<unknown>, total: number | undefined, showTotal: (n: number) => string): TablePaginationConfig {
  return {
    current: filter.page ?? 1,
    pageSize: filter.pageSize ?? DEFAULT_PAGE_SIZE,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZE_OPTIONS,
    showTotal,
  };
}

export type SortDirection = 'ascend' | 'descend';

/** A column's arrow under the list's sort: ascending when the sort is the column's key, descending when it is `-key`. */
export function sortOrderOf(sort: string, column: string): SortDirection | null {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}

/** A column the server sorts: its key (the sort's name), the directions it offers and its arrow under the current sort. */
export function serverSorted(sort: string, column: string, directions: SortDirection[]) {
  return { key: column, sorter: true, sortDirections: directions, sortOrder: sortOrderOf(sort, column) };
}

/** The sort a click on a column asks for: its key ascending, `-key` descending; undefined when the API has no such sort. */
export function sortFrom<S extends string>(sorts: readonly S[], sorter: SorterResult<unknown>): S | undefined {
  if (!sorter.order) return undefined;
  const sort = sorter.order === 'descend' ? `-${String(sorter.columnKey)}` : String(sorter.columnKey);
  return (sorts as readonly string[]).includes(sort) ? (sort as S) : undefined;
}

/**
 * The table's onChange: a sort goes back to page 1 with the sort the column names among `sorts` (undefined: the
 * default); a new page size goes back to page 1; a page is kept.
 */
export function pagedChange<R, S extends string, F extends Paged<S>>(
  filter: F,
  go: (next: F) => void,
  sorts: readonly S[],
): NonNullable<TableProps<R>['onChange']> {
  return (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      go({ ...filter, sort: s ? sortFrom(sorts, s as SorterResult<unknown>) : undefined, page: undefined });
      return;
    }
    const size = pagination.pageSize ?? DEFAULT_PAGE_SIZE;
    const page = size !== (filter.pageSize ?? DEFAULT_PAGE_SIZE) ? 1 : (pagination.current ?? 1);
    go({ ...filter, page: page > 1 ? page : undefined, pageSize: size !== DEFAULT_PAGE_SIZE ? size : undefined });
  };
}
