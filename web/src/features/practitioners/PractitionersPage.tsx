import { useMemo } from 'react';
import { Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { api } from '../../api/endpoints';
import { PRACTITIONER_SORTS, WARNING_LEVELS, type PractitionerRow, type PractitionersFilter, type WarningLevel } from '../../api/types';
import { Loaded } from '../../components/ApiErrorResult';
import { WARNING_COLORS } from '../../components/colors';
import { Explained, Stacked } from '../../components/Hint';
import { BarSearch, BarSelect, FilterBar, KindSelect } from '../../components/FilterBar';
import { InstitutionCell } from '../../components/InstitutionCell';
import { LedgerCount, LedgerTable } from '../../components/LedgerTable';
import { PageHeader } from '../../components/PageHeader';
import { WarningLevelTag } from '../../components/Tags';
import { DASH, useI18n } from '../../i18n';
import { useUser } from '../../lib/auth';
import { parsePractitionersFilter, practitionersFilterToParams } from '../../lib/query';
import { serverSorted } from '../../lib/paging';
import { useUrlLedger } from '../../lib/urlFilter';

/** Department codes the dictionaries name (the national 科室 classification); others show as their code. */
const DEPTS = ['A03.01', 'A03.02', 'A03.03', 'A03.04', 'A03.06', 'A03.07', 'A04.03', 'A04.04', 'A05', 'A07', 'A13', 'A19', 'A20'];
type SortColumn = 'z' | 'costPerRx' | 'drugsPerRx' | 'restrictedShare' | 'prescriptions';

/** A figure, with its peers' median and its robust z below it (the z in the level's colour when it sets the level). */
function VsPeer({ value, peer, z, row }: { value: string; peer: string | null; z: number | null; row: PractitionerRow }) {
  const { t, fmt } = useI18n();
  const leading = !!row.level && z !== null && row.z !== null && z === row.z;
  return (
    <Stacked
      right
      numeric
      sub={
        <>
          {peer ? t('practitioners.vsPeer', { value: peer }) : null}
          {peer && z !== null ? ' · ' : null}
          {z !== null ? (
            <span style={leading && row.level ? { color: WARNING_COLORS[row.level], fontWeight: 600 } : undefined}>
              z {fmt.fixed(z, 2)}
            </span>
          ) : null}
        </>
      }
    >
      <span className="fg-num">{value}</span>
    </Stacked>
  );
}

/** 医师画像: practitioners against peers of the same institution kind and department, ranked by their highest z. */
export default function PractitionersPage() {
  const { t, fmt, label } = useI18n();
  const user = useUser();
  const { filter, go, list, paging } = useUrlLedger(parsePractitionersFilter, practitionersFilterToParams, api.practitioners);
  const data = list.data;
  const set = (f: PractitionersFilter) => go({ ...filter, ...f, page: undefined });
  const sort = filter.sort ?? '-z';
  const sortable = (c: SortColumn) => serverSorted(sort, c, ['descend']);

  const deptOptions = useMemo(() => {
    const codes = new Set(DEPTS);
    for (const r of data?.items ?? []) if (r.dept) codes.add(r.dept);
    if (filter.dept) codes.add(filter.dept);
    return [...codes].sort().map((c) => ({ value: c, label: `${label('dept', c)} (${c})` }));
  }, [data, filter.dept, label]);

  /** A figure's column: the figure, over its peers' median and its z (sorted by the server, highest first). */
  const vsPeer = (
    key: 'costPerRx' | 'drugsPerRx' | 'restrictedShare',
    peerKey: 'peerCostPerRx' | 'peerDrugsPerRx' | 'peerRestrictedShare',
    zKey: 'zCost' | 'zDrugs' | 'zRestricted',
    width: number,
    format: (n: number) => string,
  ): TableColumnsType<PractitionerRow>[number] => ({
    title: t(`practitioners.${key}`),
    align: 'right',
    width,
    ...sortable(key),
    render: (_, r) => {
      const peer = r[peerKey];
      return <VsPeer value={format(r[key])} peer={peer === null ? null : format(peer)} z={r[zKey]} row={r} />;
    },
  });

  const columns: TableColumnsType<PractitionerRow> = [
    {
      key: 'practitioner',
      title: t('practitioners.practitioner'),
      width: 140,
      fixed: 'left',
      render: (_, r) => (
        <Stacked code sub={r.pracCode}>
          <span>{r.name ?? DASH}</span>
        </Stacked>
      ),
    },
    {
      key: 'institution',
      title: t('finding.institution'),
      width: 190,
      render: (_, r) => <InstitutionCell code={r.fixmedinsCode} name={r.institutionName} more={[label('instKind', r.kind)]} />,
    },
    {
      key: 'dept',
      title: t('practitioners.dept'),
      width: 100,
      render: (_, r) => (r.dept ? <Tooltip title={r.dept}>{label('dept', r.dept)}</Tooltip> : DASH),
    },
    {
      title: t('practitioners.prescriptions'),
      align: 'right',
      width: 104,
      ...sortable('prescriptions'),
      render: (_, r) => (
        <Stacked right sub={t('practitioners.peers', { n: fmt.count(r.peers) })}>
          <span className="fg-num">{fmt.count(r.prescriptions)}</span>
        </Stacked>
      ),
    },
    vsPeer('costPerRx', 'peerCostPerRx', 'zCost', 160, (n) => fmt.money(n)),
    vsPeer('drugsPerRx', 'peerDrugsPerRx', 'zDrugs', 140, (n) => fmt.fixed(n, 2)),
    vsPeer('restrictedShare', 'peerRestrictedShare', 'zRestricted', 140, (n) => fmt.percent(n)),
    {
      title: <Explained hint={t('practitioners.sub')}>{t('practitioners.zMax')}</Explained>,
      align: 'right',
      width: 92,
      ...sortable('z'),
      render: (_, r) => (
        <strong className="fg-num" style={r.level ? { color: WARNING_COLORS[r.level] } : undefined}>
          {fmt.fixed(r.z, 2)}
        </strong>
      ),
    },
    { key: 'level', title: t('practitioners.level'), width: 88, fixed: 'right', render: (_, r) => <WarningLevelTag level={r.level} /> },
  ];

  return (
    <div data-testid="practitioners-page">
      <PageHeader title={t('practitioners.title')} sub={t('practitioners.sub')} />
      <FilterBar>
        <KindSelect value={filter.kind} onChange={(kind) => set({ kind })} testId="practitioners-kind" />
        <BarSelect<string>
          label={t('practitioners.dept')}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220 }}
          value={filter.dept}
          options={deptOptions}
          onChange={(dept) => set({ dept })}
          testId="practitioners-dept"
        />
        <BarSelect<WarningLevel[]>
          label={t('practitioners.level')}
          mode="multiple"
          style={{ minWidth: 200 }}
          value={filter.level ?? []}
          options={[...WARNING_LEVELS].reverse().map((l) => ({ value: l, label: t(`warningLevel.${l}`) }))}
          onChange={(level) => set({ level: level.length ? level : undefined })}
          testId="practitioners-level"
        />
        {user.role === 'institution' ? null : (
          <BarSearch
            label={t('findings.filter.institution')}
            value={filter.institution}
            onSearch={(institution) => set({ institution })}
            width={220}
            maxLength={32}
            testId="practitioners-institution"
          />
        )}
      </FilterBar>
      <Loaded state={list}>
        <LedgerTable<PractitionerRow, PractitionersFilter>
          {...paging}
          testId="practitioners-table"
          columns={columns}
          sorts={PRACTITIONER_SORTS}
          rowKey={(r) => `${r.fixmedinsCode}|${r.pracCode}|${r.dept ?? ''}`}
          scrollX={1150}
          style={{ marginTop: 8 }}
          emptyText={t('practitioners.empty')}
          rowProps={() => ({ 'data-testid': 'practitioner-row' })}
          header={<LedgerCount total={data?.total} countKey="common.total" quiet />}
        />
      </Loaded>
    </div>
  );
}
