import { useMemo } from 'react';
import { Card, Input, Select, Space } from 'antd';
import type { TableColumnsType } from 'antd';
import { api } from '../../api/endpoints';
import { INSTITUTION_KINDS, INSTITUTION_SORTS, type InstitutionRow, type InstitutionsFilter } from '../../api/types';
import { ApiErrorResult } from '../../components/ApiErrorResult';
import { institutionHref } from '../../components/InstitutionCell';
import { LedgerCount, LedgerTable } from '../../components/LedgerTable';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { AgreementTag } from '../../components/Tags';
import { useAsync } from '../../hooks/useAsync';
import { DASH, useI18n } from '../../i18n';
import { useMeta } from '../../lib/meta';
import { parseInstitutionsFilter, toParams } from '../../lib/query';
import { serverSorted } from '../../lib/paging';
import { Link, useSearchParams } from '../../lib/router';

/** 定点医药机构: searched, filtered and sorted on the server. */
export default function InstitutionsPage() {
  const { t, fmt, label } = useI18n();
  const { meta } = useMeta();
  const [sp, setSp] = useSearchParams();
  const search = sp.toString();
  const filter = useMemo(() => parseInstitutionsFilter(new URLSearchParams(search)), [search]);
  const { data, error, loading, reload } = useAsync((signal) => api.institutions(filter, signal), [search]);
  const go = (f: InstitutionsFilter) => setSp(toParams(f));
  const sort = filter.sort ?? '-amount';

  const columns: TableColumnsType<InstitutionRow> = [
    {
      key: 'name',
      title: t('institutions.name'),
      ...serverSorted(sort, 'name', ['ascend']),
      render: (_, r) => (
        <Link to={institutionHref(r.fixmedinsCode)} data-testid="institution-link">
          {r.name}
        </Link>
      ),
    },
    { key: 'code', title: t('institutions.code'), dataIndex: 'fixmedinsCode' },
    { key: 'type', title: t('institutions.type'), render: (_, r) => label('instType', r.type) },
    { key: 'kind', title: t('institutions.kind'), render: (_, r) => label('instKind', r.kind) },
    { key: 'level', title: t('institutions.hospLevel'), render: (_, r) => (r.level === null ? DASH : label('hospLv', r.level)) },
    { key: 'region', title: t('finding.region'), render: (_, r) => r.regionName ?? r.admdvs },
    { key: 'grid', title: t('finding.grid'), render: (_, r) => r.gridId ?? DASH },
    { key: 'agreement', title: t('institutions.agreement'), render: (_, r) => <AgreementTag status={r.agreementStatus} /> },
    {
      key: 'fundPaid',
      title: t('institutions.fundPaid'),
      align: 'right',
      ...serverSorted(sort, 'fundPaid', ['descend']),
      render: (_, r) => <Money value={r.fundPaid} />,
    },
    { key: 'settlements', title: t('institutions.settlements'), align: 'right', render: (_, r) => fmt.count(r.settlements) },
    {
      key: 'findings',
      title: t('institutions.findings'),
      align: 'right',
      ...serverSorted(sort, 'findings', ['descend']),
      render: (_, r) => fmt.count(r.findings),
    },
    {
      key: 'amount',
      title: t('institutions.amount'),
      align: 'right',
      ...serverSorted(sort, 'amount', ['descend']),
      render: (_, r) => <Money value={r.amount} />,
    },
  ];

  return (
    <div data-testid="institutions-page">
      <PageHeader title={t('institutions.title')} />
      <Card size="small" className="fg-section">
        <Space wrap>
          <Input.Search
            key={filter.q ?? ''}
            defaultValue={filter.q}
            placeholder={t('institutions.q')}
            aria-label={t('institutions.q')}
            allowClear
            enterButton={t('common.search')}
            onSearch={(q) => go({ ...filter, q: q.trim() || undefined, page: undefined })}
            style={{ width: 320 }}
            data-testid="institutions-q"
            maxLength={64}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('finding.region')}
            aria-label={t('finding.region')}
            style={{ width: 220 }}
            value={filter.admdvs}
            options={(meta?.regions ?? []).map((r) => ({ value: r.admdvs, label: `${r.name} (${r.admdvs})` }))}
            onChange={(v: string | undefined) => go({ ...filter, admdvs: v, page: undefined })}
            data-testid="institutions-region"
          />
          <Select
            allowClear
            placeholder={t('institutions.kind')}
            aria-label={t('institutions.kind')}
            style={{ width: 180 }}
            value={filter.kind}
            options={INSTITUTION_KINDS.map((k) => ({ value: k, label: label('instKind', k) }))}
            onChange={(v: string | undefined) => go({ ...filter, kind: v, page: undefined })}
            data-testid="institutions-kind"
          />
        </Space>
      </Card>
      {error && !data ? (
        <ApiErrorResult error={error} onRetry={reload} />
      ) : (
        <LedgerTable<InstitutionRow, InstitutionsFilter>
          testId="institutions-table"
          filter={filter}
          data={data}
          loading={loading}
          onChange={go}
          columns={columns}
          sorts={INSTITUTION_SORTS}
          rowKey="fixmedinsCode"
          scrollX={1300}
          emptyText={t('institutions.empty')}
          header={<LedgerCount total={data?.total} countKey="common.total" quiet />}
        />
      )}
    </div>
  );
}
