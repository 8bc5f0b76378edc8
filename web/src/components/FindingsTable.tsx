import { Button, Space, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, findingsExportUrl } from '../api/endpoints';
import { FINDING_SORTS, type FindingRow, type FindingsFilter } from '../api/types';
import { useAsync } from '../hooks/useAsync';
import { useI18n } from '../i18n';
import { serverSorted } from '../lib/paging';
import { Link } from '../lib/router';
import { ApiErrorResult } from './ApiErrorResult';
import { InstitutionCell } from './InstitutionCell';
import { LedgerCount, LedgerTable } from './LedgerTable';
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

/** The paged, server-sorted findings list with an Excel export of the same filters. */
export function FindingsTable({ filter, onChange, hideInstitution, testId = 'findings-table' }: FindingsTableProps) {
  const { t, fmt, ruleName } = useI18n();
  const key = JSON.stringify(filter);
  const { data, error, loading, reload } = useAsync((signal) => api.findings(filter, signal), [key]);
  const sort = filter.sort ?? '-amount';

  const columns: TableColumnsType<FindingRow> = [
    {
      title: t('finding.rule'),
      ...serverSorted(sort, 'code', ['ascend']),
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
            title: t('finding.institution'),
            ...serverSorted(sort, 'institution', ['ascend']),
            render: (_: unknown, r: FindingRow) =>
              r.fixmedinsCode ? <InstitutionCell code={r.fixmedinsCode} name={r.institutionName} /> : '—',
          } satisfies TableColumnsType<FindingRow>[number],
        ]),
    { key: 'region', title: t('finding.region'), render: (_, r) => r.regionName ?? r.admdvs ?? '—' },
    {
      title: t('finding.day'),
      dataIndex: 'day',
      width: 116,
      ...serverSorted(sort, 'day', ['descend', 'ascend']),
      render: (_, r) => fmt.date(r.day),
    },
    {
      title: t('finding.amount'),
      dataIndex: 'amount',
      align: 'right',
      width: 140,
      ...serverSorted(sort, 'amount', ['descend', 'ascend']),
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

  if (error && !data) return <ApiErrorResult error={error} onRetry={reload} />;

  return (
    <LedgerTable<FindingRow, FindingsFilter>
      testId={testId}
      filter={filter}
      data={data}
      loading={loading}
      onChange={onChange}
      columns={columns}
      sorts={FINDING_SORTS}
      scrollX={1100}
      emptyText={t('findings.empty')}
      rowProps={() => ({ 'data-testid': 'finding-row' })}
      header={
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
          <LedgerCount total={data?.total} countKey="findings.count" testId="findings-total" />
          <Button href={findingsExportUrl(filter)} download data-testid="export-button">
            {t('findings.export')}
          </Button>
        </Space>
      }
    />
  );
}
