import { Button, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { HTMLAttributes } from 'react';
import { api, findingsExportUrl } from '../api/endpoints';
import type { FindingRow, FindingSort, FindingsFilter } from '../api/types';
import { useAsync } from '../hooks/useAsync';
import { useI18n } from '../i18n';
import { pagedChange, paginationOf } from '../lib/paging';
import { Link } from '../lib/router';
import { ApiErrorResult } from './ApiErrorResult';
import { Money } from './Money';
import { LevelTag, StatusTag } from './Tags';

export interface FindingsTableProps {
  /** The query, with paging and sort (server-side: the table never filters rows itself). */
  filter: FindingsFilter;
  /** New page, page size or sort. */
  onChange: (next: FindingsFilter) => void;
  hideInstitution?: boolean;
  testId?: string;
}

type SortColumn = 'code' | 'institution' | 'day' | 'amount';

function sortOrderOf(sort: FindingSort, column: SortColumn): 'ascend' | 'descend' | null {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}

function sortFrom(sorter: SorterResult<FindingRow>): FindingSort | undefined {
  const key = sorter.columnKey;
  if (!sorter.order) return undefined;
  if (key === 'amount' || key === 'day') return sorter.order === 'ascend' ? key : `-${key}`;
  if (key === 'code' || key === 'institution') return key;
  return undefined;
}

/** The paged, server-sorted findings list with an Excel export of the same filters. */
export function FindingsTable({ filter, onChange, hideInstitution, testId = 'findings-table' }: FindingsTableProps) {
  const { t, fmt, ruleName } = useI18n();
  const key = JSON.stringify(filter);
  const { data, error, loading, reload } = useAsync((signal) => api.findings(filter, signal), [key]);
  const sort = filter.sort ?? '-amount';

  const columns: TableColumnsType<FindingRow> = [
    {
      key: 'code',
      title: t('finding.rule'),
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: sortOrderOf(sort, 'code'),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text code>{r.ruleCode}</Typography.Text>
          <span>{ruleName({ name: r.ruleName, nameEn: r.ruleNameEn })}</span>
        </Space>
      ),
    },
    { key: 'level', title: t('finding.level'), dataIndex: 'level', width: 96, render: (_, r) => <LevelTag level={r.level} /> },
    ...(hideInstitution
      ? []
      : [
          {
            key: 'institution',
            title: t('finding.institution'),
            sorter: true,
            sortDirections: ['ascend'],
            sortOrder: sortOrderOf(sort, 'institution'),
            render: (_: unknown, r: FindingRow) =>
              r.fixmedinsCode ? (
                <Space orientation="vertical" size={0}>
                  <Link to={`/institutions/${encodeURIComponent(r.fixmedinsCode)}`}>{r.institutionName ?? r.fixmedinsCode}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.fixmedinsCode}
                  </Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          } satisfies TableColumnsType<FindingRow>[number],
        ]),
    { key: 'region', title: t('finding.region'), render: (_, r) => r.regionName ?? r.admdvs ?? '—' },
    {
      key: 'day',
      title: t('finding.day'),
      dataIndex: 'day',
      width: 116,
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrderOf(sort, 'day'),
      render: (_, r) => fmt.date(r.day),
    },
    {
      key: 'amount',
      title: t('finding.amount'),
      dataIndex: 'amount',
      align: 'right',
      width: 140,
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrderOf(sort, 'amount'),
      render: (_, r) => <Money value={r.amount} />,
    },
    { key: 'status', title: t('finding.status'), width: 116, render: (_, r) => <StatusTag status={r.status} /> },
    { key: 'assignee', title: t('finding.assignee'), render: (_, r) => r.assignee ?? '—' },
    {
      key: 'open',
      title: '',
      width: 80,
      fixed: 'right',
      render: (_, r) => (
        <Tooltip title={r.detail}>
          <Link to={`/findings/${encodeURIComponent(r.id)}`} data-testid="finding-link">
            {t('findings.open')}
          </Link>
        </Tooltip>
      ),
    },
  ];

  const handleChange = pagedChange<FindingRow, FindingSort, FindingsFilter>(filter, onChange, sortFrom);

  if (error && !data) return <ApiErrorResult error={error} onRetry={reload} />;

  return (
    <div data-testid={testId}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary" data-testid="findings-total">
          {data ? t('findings.count', { n: fmt.count(data.total) }) : t('common.loading')}
        </Typography.Text>
        <Button href={findingsExportUrl(filter)} download data-testid="export-button">
          {t('findings.export')}
        </Button>
      </Space>
      <Table<FindingRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        onChange={handleChange}
        onRow={() => ({ 'data-testid': 'finding-row' }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('findings.empty') }}
        scroll={{ x: 1100 }}
        pagination={paginationOf(filter, data?.total, (n) => t('common.total', { n: fmt.count(n) }))}
      />
    </div>
  );
}
