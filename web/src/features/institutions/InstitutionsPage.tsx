import type { TableColumnsType } from 'antd';
import { api } from '../../api/endpoints';
import { INSTITUTION_SORTS, type InstitutionRow, type InstitutionsFilter } from '../../api/types';
import { Loaded } from '../../components/ApiErrorResult';
import { BarSearch, BarSelect, FilterBar, KindSelect } from '../../components/FilterBar';
import { regionOptions } from '../../components/FilterCard';
import { institutionHref } from '../../components/InstitutionCell';
import { LedgerCount, LedgerTable } from '../../components/LedgerTable';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { AgreementTag } from '../../components/Tags';
import { DASH, useI18n } from '../../i18n';
import { useMeta } from '../../lib/meta';
import { parseInstitutionsFilter, toParams } from '../../lib/query';
import { serverSorted } from '../../lib/paging';
import { Link } from '../../lib/router';
import { useUrlLedger } from '../../lib/urlFilter';

/** 定点医药机构: searched, filtered and sorted on the server. */
export default function InstitutionsPage() {
  const { t, fmt, label } = useI18n();
  const { meta } = useMeta();
  const { filter, go, list, paging } = useUrlLedger(parseInstitutionsFilter, toParams, api.institutions);
  const set = (f: InstitutionsFilter) => go({ ...filter, ...f, page: undefined });
  const sort = filter.sort ?? '-amount';

  const columns: TableColumnsType<InstitutionRow> = [
    {
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
      title: t('institutions.fundPaid'),
      align: 'right',
      ...serverSorted(sort, 'fundPaid', ['descend']),
      render: (_, r) => <Money value={r.fundPaid} />,
    },
    { key: 'settlements', title: t('institutions.settlements'), align: 'right', render: (_, r) => fmt.count(r.settlements) },
    {
      title: t('institutions.findings'),
      align: 'right',
      ...serverSorted(sort, 'findings', ['descend']),
      render: (_, r) => fmt.count(r.findings),
    },
    {
      title: t('institutions.amount'),
      align: 'right',
      ...serverSorted(sort, 'amount', ['descend']),
      render: (_, r) => <Money value={r.amount} />,
    },
  ];

  return (
    <div data-testid="institutions-page">
      <PageHeader title={t('institutions.title')} />
      <FilterBar>
        <BarSearch
          label={t('institutions.q')}
          value={filter.q}
          onSearch={(q) => set({ q })}
          enterButton={t('common.search')}
          width={320}
          maxLength={64}
          testId="institutions-q"
        />
        <BarSelect<string>
          label={t('finding.region')}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220 }}
          value={filter.admdvs}
          options={regionOptions(meta)}
          onChange={(admdvs) => set({ admdvs })}
          testId="institutions-region"
        />
        <KindSelect value={filter.kind} onChange={(kind) => set({ kind })} testId="institutions-kind" />
      </FilterBar>
      <Loaded state={list}>
        <LedgerTable<InstitutionRow, InstitutionsFilter>
          {...paging}
          testId="institutions-table"
          columns={columns}
          sorts={INSTITUTION_SORTS}
          rowKey="fixmedinsCode"
          scrollX={1300}
          emptyText={t('institutions.empty')}
          header={<LedgerCount total={list.data?.total} countKey="common.total" quiet />}
        />
      </Loaded>
    </div>
  );
}
