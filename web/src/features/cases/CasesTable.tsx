import { Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CaseRow, CasesFilter } from '../../api/types';
import { CaseStatusTag, OverdueTag } from '../../components/CaseTags';
import { InstitutionCell } from '../../components/InstitutionCell';
import { LedgerCount, LedgerTable, type LedgerPaging } from '../../components/LedgerTable';
import { Money } from '../../components/Money';
import { DASH, useI18n } from '../../i18n';
import { Link } from '../../lib/router';

/** The case ledger: newest first, overdue cases in red, the amounts involved, due and recovered. */
export function CasesTable(paging: LedgerPaging<CaseRow, CasesFilter>) {
  const { t, fmt } = useI18n();
  const columns: TableColumnsType<CaseRow> = [
    {
      key: 'no',
      title: t('cases.caseNo'),
      width: 180,
      fixed: 'left',
      render: (_, r) => (
        <div className="fg-cell">
          <Link to={`/cases/${r.id}`} data-testid="case-link" className="fg-num">
            {r.caseNo}
          </Link>
          <Typography.Text type="secondary" className="fg-cell-sub" ellipsis={{ tooltip: r.title }}>
            {r.title}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'institution',
      title: t('clues.institution'),
      width: 200,
      render: (_, r) => (
        <InstitutionCell code={r.fixmedinsCode} name={r.institutionName} more={[r.regionName ?? r.admdvs ?? DASH, r.gridId ?? DASH]} />
      ),
    },
    { key: 'status', title: t('cases.status'), width: 84, render: (_, r) => <CaseStatusTag status={r.status} /> },
    { key: 'handler', title: t('cases.handler'), width: 84, render: (_, r) => r.handler },
    { key: 'opened', title: t('cases.openedAt'), width: 100, render: (_, r) => <span className="fg-num">{fmt.date(r.openedAt)}</span> },
    {
      key: 'deadline',
      title: t('cases.deadline'),
      width: 140,
      render: (_, r) => (
        <Space size={4} data-testid="case-deadline">
          <Typography.Text className="fg-num" type={r.overdue ? 'danger' : undefined}>
            {fmt.date(r.deadline)}
          </Typography.Text>
          {r.overdue ? <OverdueTag /> : null}
        </Space>
      ),
    },
    { key: 'clues', title: t('cases.clues'), width: 56, align: 'right', render: (_, r) => fmt.count(r.clues) },
    { key: 'involved', title: t('cases.amountInvolved'), width: 112, align: 'right', render: (_, r) => <Money value={r.amountInvolved} /> },
    { key: 'due', title: t('cases.due'), width: 112, align: 'right', render: (_, r) => <Money value={r.due} /> },
    { key: 'recovered', title: t('cases.recovered'), width: 112, align: 'right', render: (_, r) => <Money value={r.recovered} /> },
  ];
  return (
    <LedgerTable<CaseRow, CasesFilter>
      {...paging}
      testId="cases-table"
      columns={columns}
      scrollX={1180}
      emptyText={t('cases.empty')}
      header={<LedgerCount total={paging.data?.total} countKey="cases.count" testId="cases-total" />}
      rowClassName={(r) => (r.overdue ? 'fg-overdue' : '')}
      rowProps={(r) => ({ 'data-testid': 'case-row', 'data-case-id': r.id, 'data-status': r.status, 'data-overdue': String(r.overdue) })}
    />
  );
}
