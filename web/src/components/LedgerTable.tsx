import type { HTMLAttributes } from 'react';
import { Table } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import type { Page } from '../api/types';
import { useI18n } from '../i18n';
import { pagedChange, paginationOf } from '../lib/paging';

export interface LedgerTableProps<R extends { id: string }, F extends { page?: number; pageSize?: number }> {
  testId: string;
  /** The page and page size in the URL (the rest of the filter is kept as it is). */
  filter: F;
  data: Page<R> | undefined;
  loading: boolean;
  onChange: (f: F) => void;
  columns: TableColumnsType<R>;
  scrollX: number;
  emptyText: string;
  /** Test ids and data attributes of a row. */
  rowProps: (r: R) => Record<string, string>;
  rowClassName?: (r: R) => string;
  rowSelection?: TableProps<R>['rowSelection'];
}

/** What a ledger page gets from its list: the filter in the URL, the page loaded, and where a new page goes. */
export type LedgerPaging<R extends { id: string }, F extends { page?: number; pageSize?: number }> = Pick<
  LedgerTableProps<R, F>,
  'filter' | 'data' | 'loading' | 'onChange'
>;

/** A ledger paged on the server, in the order the server gives (newest first): clues, cases, decisions. */
export function LedgerTable<R extends { id: string }, F extends { page?: number; pageSize?: number }>(p: LedgerTableProps<R, F>) {
  const { t, fmt } = useI18n();
  return (
    <div data-testid={p.testId}>
      <Table<R>
        rowKey="id"
        size="middle"
        columns={p.columns}
        dataSource={p.data?.items ?? []}
        loading={p.loading}
        scroll={{ x: p.scrollX }}
        locale={{ emptyText: p.emptyText }}
        rowClassName={p.rowClassName}
        rowSelection={p.rowSelection}
        onRow={(r) => p.rowProps(r) as HTMLAttributes<HTMLElement>}
        onChange={pagedChange<R, never, F>(p.filter, p.onChange, () => undefined)}
        pagination={paginationOf(p.filter, p.data?.total, (n) => t('common.total', { n: fmt.count(n) }))}
      />
    </div>
  );
}
