import { useMemo, type HTMLAttributes } from 'react';
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import { api } from '../../api/endpoints';
import type { Clue } from '../../api/types';
import { ApiErrorResult } from '../../components/ApiErrorResult';
import { PageHeader } from '../../components/PageHeader';
import { useAsync } from '../../hooks/useAsync';
import { DASH, useI18n } from '../../i18n';
import { parsePaging, toParams } from '../../lib/query';
import { DEFAULT_PAGE_SIZE } from '../../lib/paging';
import { Link, useSearchParams } from '../../lib/router';


/** 线索: clues made from warnings, newest first as the server lists them; the case workflow takes them from here. */
export default function CluesPage() {
  const { t, fmt, label } = useI18n();
  const [sp, setSp] = useSearchParams();
  const search = sp.toString();
  const q = useMemo(() => parsePaging(new URLSearchParams(search)), [search]);
  const { data, error, loading, reload } = useAsync((signal) => api.clues(q, signal), [search]);
  const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;

  return (
    <div data-testid="clues-page">
      <PageHeader title={t('clues.title')} sub={t('clues.sub')} />
      {error && !data ? (
        <ApiErrorResult error={error} onRetry={reload} />
      ) : (
        <div data-testid="clues-table">
          <Table<Clue>
            rowKey="id"
            size="middle"
            loading={loading}
            dataSource={data?.items ?? []}
            scroll={{ x: 1140 }}
            locale={{ emptyText: t('clues.empty') }}
            onRow={() => ({ 'data-testid': 'clue-row' }) as HTMLAttributes<HTMLElement>}
            pagination={{
              current: q.page ?? 1,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (n) => t('common.total', { n: fmt.count(n) }),
              onChange: (page, size) => {
                const next = size !== pageSize ? 1 : page;
                setSp(toParams({ page: next > 1 ? next : undefined, pageSize: size !== DEFAULT_PAGE_SIZE ? size : undefined }));
              },
            }}
            columns={[
              {
                key: 'id', title: t('clues.id'), width: 130, render: (_, r) => (
                  <Tooltip title={r.id}>
                    <Typography.Text code copyable={{ text: r.id }} data-testid="clue-id">{r.id.length > 12 ? r.id.slice(0, 8) : r.id}</Typography.Text>
                  </Tooltip>
                ),
              },
              {
                key: 'source', title: t('clues.source'), width: 100,
                render: (_, r) => (
                  <Tooltip title={r.sourceId}>
                    <Space orientation="vertical" size={0}>
                      <Tag color="orange">{label('clues.source', r.source)}</Tag>
                      <Typography.Text type="secondary" className="fg-num" style={{ fontSize: 12 }}>{r.sourceId.slice(0, 8)}</Typography.Text>
                    </Space>
                  </Tooltip>
                ),
              },
              {
                key: 'institution', title: t('clues.institution'), width: 140,
                render: (_, r) => <Link to={`/institutions/${encodeURIComponent(r.fixmedinsCode)}`}>{r.fixmedinsCode}</Link>,
              },
              { key: 'summary', title: t('clues.summary'), render: (_, r) => r.summary },
              { key: 'note', title: t('clues.note'), width: 200, render: (_, r) => r.note ?? DASH },
              { key: 'status', title: t('clues.status'), width: 90, render: (_, r) => <Tag color="blue">{label('clueStatus', r.status)}</Tag> },
              { key: 'createdBy', title: t('clues.createdBy'), width: 110, render: (_, r) => r.createdBy },
              { key: 'createdAt', title: t('clues.createdAt'), width: 148, render: (_, r) => fmt.dateTime(r.createdAt) },
            ]}
          />
        </div>
      )}
    </div>
  );
}
