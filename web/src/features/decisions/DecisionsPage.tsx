import type { TableColumnsType } from 'antd';
import { api } from '../../api/endpoints';
import type { CaseDecision, DecisionsFilter } from '../../api/types';
import { Loaded } from '../../components/ApiErrorResult';
import { DecisionStatusTag } from '../../components/CaseTags';
import { Stacked } from '../../components/Hint';
import { LedgerTable } from '../../components/LedgerTable';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { DASH, useI18n } from '../../i18n';
import { useUser } from '../../lib/auth';
import { parsePaging, toParams } from '../../lib/query';
import { Link } from '../../lib/router';
import { useUrlLedger } from '../../lib/urlFilter';

/** 处理决定: an institution's decisions about itself (once approved), or, for the bureau, every decision in its scope. */
export default function DecisionsPage() {
  const { t, fmt } = useI18n();
  const user = useUser();
  const { list, paging } = useUrlLedger(parsePaging, toParams, api.decisions);
  const institution = user.role === 'institution';

  const columns: TableColumnsType<CaseDecision> = [
    {
      key: 'case',
      title: t('cases.caseNo'),
      width: 170,
      render: (_, d) => (
        <Stacked sub={t('decision.version', { n: d.version })}>
          <Link to={`/decisions/${d.id}`} data-testid="decision-link" className="fg-num">
            {d.caseNo}
          </Link>
        </Stacked>
      ),
    },
    ...(institution
      ? []
      : [
          {
            key: 'inst',
            title: t('clues.institution'),
            width: 220,
            render: (_: unknown, d: CaseDecision) => `${d.institutionName ?? ''} (${d.fixmedinsCode})`,
          },
        ]),
    { key: 'status', title: t('decision.status'), width: 100, render: (_, d) => <DecisionStatusTag status={d.status} /> },
    { key: 'kind', title: t('decision.violationKind'), width: 100, render: (_, d) => t(`violation.${d.violationKind}`) },
    { key: 'return', title: t('decision.return'), width: 130, align: 'right', render: (_, d) => <Money value={d.returnAmount} /> },
    { key: 'fine', title: t('decision.fine'), width: 130, align: 'right', render: (_, d) => <Money value={d.fineAmount} /> },
    {
      key: 'sanctions',
      title: t('decision.sanctions'),
      width: 180,
      render: (_, d) => (d.sanctions.length ? d.sanctions.map((s) => t(`sanction.${s.kind}`)).join('、') : DASH),
    },
    { key: 'effective', title: t('decision.effectiveOn'), width: 110, render: (_, d) => fmt.date(d.effectiveOn) },
    { key: 'appealUntil', title: t('decision.appealUntil'), width: 110, render: (_, d) => fmt.date(d.appealUntil) },
  ];

  return (
    <div data-testid="decisions-page">
      <PageHeader title={t('decisions.title')} sub={institution ? t('decisions.subInstitution') : t('decisions.sub')} />
      <Loaded state={list}>
        <LedgerTable<CaseDecision, DecisionsFilter>
          {...paging}
          testId="decisions-table"
          columns={columns}
          scrollX={1200}
          emptyText={t('decisions.empty')}
          rowProps={(d) => ({ 'data-testid': 'decision-row', 'data-status': d.status, 'data-decision-id': d.id })}
        />
      </Loaded>
    </div>
  );
}
