import type { ReactNode } from 'react';
import { Card, Spin, Tabs } from 'antd';
import { api } from '../../api/endpoints';
import type { CaseDetail } from '../../api/types';
import { NotLoaded } from '../../components/ApiErrorResult';
import { CaseStatusTag } from '../../components/CaseTags';
import { BackButton, CodeTitle, PageHeader } from '../../components/PageHeader';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../i18n';
import { useSearchParams } from '../../lib/router';
import { AppealsTab } from './AppealsTab';
import { CaseSummary } from './CaseSummary';
import { CloseTab } from './CloseTab';
import { CluesTab } from './CluesTab';
import { DecisionTab } from './DecisionTab';
import { EvidenceTab } from './EvidenceTab';
import { LogTab } from './LogTab';
import { NotesTab } from './NotesTab';
import { RecoveriesTab } from './RecoveriesTab';

const TABS = ['clues', 'notes', 'evidence', 'decision', 'appeals', 'recoveries', 'close', 'log'] as const;
type Tab = (typeof TABS)[number];

/** The tab a case opens on: the one in the URL, else where the work is (the decision while it is drafted or reviewed, the appeal while pending). */
function defaultTab(d: CaseDetail): Tab {
  if (d.case.status === 'appealed') return 'appeals';
  if (d.case.status === 'reviewing') return 'decision';
  if (d.case.status === 'decided') return 'recoveries';
  return 'clues';
}

function tabCount(d: CaseDetail, tab: Tab): number | null {
  const n: Partial<Record<Tab, number>> = {
    clues: d.clues.length,
    notes: d.notes.length,
    evidence: d.attachments.length,
    decision: d.decisions.length,
    appeals: d.appeals.length,
    recoveries: d.recoveries.length,
    log: d.log.length,
  };
  return n[tab] ?? null;
}

/** 案件详情: the case's summary and steps, and its work in tabs (the tab in the URL). */
export default function CaseDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  const { t } = useI18n();
  const [sp, setSp] = useSearchParams();
  const { data, error, loading, reload } = useAsync((signal) => api.caseDetail(id, signal), [id]);
  const back = <BackButton to="/cases" testId="back-to-cases" label={t('caseDetail.back')} />;
  if (!data || data.case.id !== id)
    return <NotLoaded error={error} notFoundTitle={t('caseDetail.notFound')} onRetry={reload} extra={back} />;

  const asked = sp.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : defaultTab(data);
  const props = { detail: data, onChanged: reload };
  const content: Record<Tab, ReactNode> = {
    clues: <CluesTab {...props} />,
    notes: <NotesTab {...props} />,
    evidence: <EvidenceTab {...props} />,
    decision: <DecisionTab {...props} />,
    appeals: <AppealsTab {...props} />,
    recoveries: <RecoveriesTab {...props} />,
    close: <CloseTab {...props} />,
    log: <LogTab log={data.log} />,
  };

  return (
    <Spin spinning={loading} delay={200}>
      <div data-testid="case-detail" data-status={data.case.status} data-case-id={data.case.id}>
        <PageHeader
          title={
            <CodeTitle title={t('caseDetail.title')} code={data.case.caseNo} codeTestId="case-no">
              <CaseStatusTag status={data.case.status} />
            </CodeTitle>
          }
          sub={data.case.title}
          extra={back}
        />
        <CaseSummary {...props} />
        <Card size="small">
          <Tabs
            activeKey={tab}
            onChange={(k) => {
              const next = new URLSearchParams(sp);
              next.set('tab', k);
              setSp(next, { replace: true });
            }}
            items={TABS.map((k) => {
              const n = tabCount(data, k);
              return {
                key: k,
                label: (
                  <span data-testid={`case-tab-${k}`}>
                    {t(`caseTab.${k}`)}
                    {n ? ` (${n})` : ''}
                  </span>
                ),
                children: content[k],
              };
            })}
          />
        </Card>
      </div>
    </Spin>
  );
}
