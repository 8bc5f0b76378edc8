import { Table } from 'antd';
import { api } from '../../api/endpoints';
import type { AuditEntry } from '../../api/types';
import { Loaded } from '../../components/ApiErrorResult';
import { BarSearch, FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { useAsync } from '../../hooks/useAsync';
import { DASH, useI18n } from '../../i18n';
import { parseAuditFilter, toParams } from '../../lib/query';
import { useUrlFilter } from '../../lib/urlFilter';

const PAGE_SIZE = 50;

/** 审计日志 (admin): who did what, including every read of personal data. */
export default function AuditPage() {
  const { t, fmt } = useI18n();
  const { filter: q, search, go } = useUrlFilter(parseAuditFilter, toParams);
  const list = useAsync((signal) => api.audit({ ...q, pageSize: PAGE_SIZE }, signal), [search]);
  const set = (f: typeof q) => go({ ...q, ...f, page: undefined });

  return (
    <div data-testid="audit-page">
      <PageHeader title={t('audit.title')} />
      <FilterBar>
        <BarSearch label={t('audit.actor')} value={q.actor} onSearch={(actor) => set({ actor })} width={220} />
        <BarSearch label={t('audit.psnNo')} value={q.psnNo} onSearch={(psnNo) => set({ psnNo })} width={220} />
      </FilterBar>
      <Loaded state={list}>
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          data-testid="audit-table"
          pagination={{
            current: q.page ?? 1,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('common.total', { n: fmt.count(n) }),
            onChange: (page) => go({ ...q, page: page > 1 ? page : undefined }),
          }}
          columns={[
            { key: 'at', title: t('audit.at'), width: 160, render: (_, r) => fmt.dateTime(r.at) },
            { key: 'actor', title: t('audit.actor'), dataIndex: 'actor' },
            { key: 'action', title: t('audit.action'), dataIndex: 'action' },
            { key: 'target', title: t('audit.target'), render: (_, r) => r.target ?? DASH },
            { key: 'detail', title: t('audit.detail'), render: (_, r) => r.detail ?? DASH },
          ]}
        />
      </Loaded>
    </div>
  );
}
