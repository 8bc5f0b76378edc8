import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';
import { Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import type { Page } from '../api/types';
import { useI18n, type MessageKey } from '../i18n';
import { pagedChange, paginationOf } from '../lib/paging';

interface Paged {
  page?: number;
  pageSize?: number;
  sort?: string;
}

export interface LedgerTableProps<R extends object, F extends Paged> {
  testId: string;
  /** The page, page size and sort in the URL (the rest of the filter is kept as it is). */
  filter: F;
  data: Page<R> | undefined;
  loading: boolean;
  onChange: (f: F) => void;
  columns: TableColumnsType<R>;
  scrollX: number;
  emptyText: string;
  /** The sorts the server offers (a column's key, `-key` descending); none: the server's order. */
  sorts?: ReadonlyArray<NonNullable<F['sort']>>;
  /** What stands above the table: the count, an export button. */
  header?: ReactNode;
  /** The row's key: its id unless told. */
  rowKey?: TableProps<R>['rowKey'];
  /** Test ids and data attributes of a row. */
  rowProps?: (r: R) => Record<string, string>;
  rowClassName?: (r: R) => string;
  rowSelection?: TableProps<R>['rowSelection'];
  style?: CSSProperties;
}

/** What a ledger page gets from its list: the filter in the URL, the page loaded, and where a new page goes. */
export type LedgerPaging<R extends object, F extends Paged> = Pick<LedgerTableProps<R, F>, 'filter' | 'data' | 'loading' | 'onChange'>;

/** A list paged and sorted on the server, its state in the URL: findings, warnings, institutions, clues, cases, decisions. */
export function LedgerTable<R extends object, F extends Paged>(p: LedgerTableProps<R, F>) {
  const { t, fmt } = useI18n();
  const rowProps = p.rowProps;
  return (
    <div data-testid={p.testId}>
      {p.header}
      <Table<R>
        rowKey={p.rowKey ?? 'id'}
        size="middle"
        columns={p.columns}
        dataSource={p.data?.items ?? []}
        loading={p.loading}
        scroll={{ x: p.scrollX }}
        style={p.style}
        locale={{ emptyText: p.emptyText }}
        rowClassName={p.rowClassName}
        rowSelection={p.rowSelection}
        onRow={rowProps ? (r) => rowProps(r) as HTMLAttributes<HTMLElement> : undefined}
        onChange={pagedChange<R, string, F>(p.filter, p.onChange, p.sorts ?? [])}
        pagination={paginationOf(p.filter, p.data?.total, (n) => t('common.total', { n: fmt.count(n) }))}
      />
    </div>
  );
}

/** How many rows the filter finds; "loading" until the first page comes (nothing, when `quiet`). */
export function LedgerCount({
  total,
  countKey,
  testId,
  quiet,
}: {
  total: number | undefined;
  countKey: MessageKey;
  testId?: string;
  quiet?: boolean;
}) {
  const { t, fmt } = useI18n();
  return (
    <Typography.Text type="secondary" data-testid={testId}>
      {total !== undefined ? t(countKey, { n: fmt.count(total) }) : quiet ? null : t('common.loading')}
    </Typography.Text>
  );
}
