import { useMemo } from 'react';
import { Card, Input, Space, Table } from 'antd';
import { api } from '../../api/endpoints';
import type { AuditEntry } from '../../api/types';
import { ApiErrorResult } from '../../components/ApiErrorResult';
import { PageHeader } from '../../components/PageHeader';
import { useAsync } from '../../hooks/useAsync';
import { DASH, useI18n } from '../../i18n';
import { toParams } from '../../lib/query';
import { useSearchParams } from '../../lib/router';

const PAGE_SIZE = 50;

/** 审计日志 (admin): who did what, including every read of personal data. */
export default function AuditPage() {
  const { t, fmt } = useI18n();
  const [sp, setSp] = useSearchParams();
  const search = sp.toString();
  const q = useMemo(() => {
    const p = new URLSearchParams(search);
    const page = Number(p.get('page'));
    return {
      page: Number.isInteger(page) && page > 0 ? page : undefined,
      actor: p.get('actor') || undefined,
      psnNo: p.get('psnNo') || undefined,
    };
  }, [search]);
  const { data, error, loading, reload } = useAsync((signal) => api.audit({ ...q, pageSize: PAGE_SIZE }, signal), [search]);

  return (
    <div data-testid="audit-page">
      <PageHeader title={t('audit.title')} />
      <Card size="small" className="fg-section">
        <Space wrap>
          <Input.Search
            key={`a${q.actor ?? ''}`}
            defaultValue={q.actor}
            allowClear
            placeholder={t('audit.actor')}
            aria-label={t('audit.actor')}
            onSearch={(v) => setSp(toParams({ ...q, actor: v.trim() || undefined, page: undefined }))}
            style={{ width: 220 }}
          />
          <Input.Search
            key={`p${q.psnNo ?? ''}`}
            defaultValue={q.psnNo}
            allowClear
            placeholder={t('audit.psnNo')}
            aria-label={t('audit.psnNo')}
            onSearch={(v) => setSp(toParams({ ...q, psnNo: v.trim() || undefined, page: undefined }))}
            style={{ width: 220 }}
          />
        </Space>
      </Card>
      {error && !data ? (
        <ApiErrorResult error={error} onRetry={reload} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 900 }}
          data-testid="audit-table"
          pagination={{
            current: q.page ?? 1,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('common.total', { n: fmt.count(n) }),
            onChange: (page) => setSp(toParams({ ...q, page: page > 1 ? page : undefined })),
          }}
          columns={[
            { key: 'at', title: t('audit.at'), width: 160, render: (_, r) => fmt.dateTime(r.at) },
            { key: 'actor', title: t('audit.actor'), dataIndex: 'actor' },
            { key: 'action', title: t('audit.action'), dataIndex: 'action' },
            { key: 'target', title: t('audit.target'), render: (_, r) => r.target ?? DASH },
            { key: 'detail', title: t('audit.detail'), render: (_, r) => r.detail ?? DASH },
          ]}
        />
      )}
    </div>
  );
}
