import { Alert, Card, Col, Descriptions, Row, Spin, Typography } from 'antd';
import { api } from '../../api/endpoints';
import { HANDLER_ROLES, type FindingDetail } from '../../api/types';
import { NotLoaded } from '../../components/ApiErrorResult';
import { Money } from '../../components/Money';
import { BackButton, CodeTitle, PageHeader } from '../../components/PageHeader';
import { LevelTag, StatusTag } from '../../components/Tags';
import { useAsync } from '../../hooks/useAsync';
import { DASH, useI18n } from '../../i18n';
import { hasRole, useUser } from '../../lib/auth';
import { Link } from '../../lib/router';
import { DecisionActions } from './DecisionActions';
import { MakeClueButton } from './MakeClueButton';
import { HistoryTimeline, OtherVisitsCard, PersonCard, PharmacyCard, RuleCard, VisitCard } from './sections';

function Facts({ d }: { d: FindingDetail }) {
  const { t, fmt } = useI18n();
  const f = d.finding;
  const items = [
    { key: 'id', label: t('finding.id'), children: <Typography.Text copyable>{f.id}</Typography.Text> },
    { key: 'status', label: t('finding.status'), children: <StatusTag status={f.status} /> },
    { key: 'assignee', label: t('finding.assignee'), children: f.assignee ?? DASH },
    { key: 'amount', label: t('finding.amount'), children: <Money value={f.amount} strong /> },
    { key: 'day', label: t('finding.day'), children: fmt.date(f.day) },
    {
      key: 'inst',
      label: t('finding.institution'),
      children: f.fixmedinsCode ? (
        <Link to={`/institutions/${encodeURIComponent(f.fixmedinsCode)}`}>{f.institutionName ?? f.fixmedinsCode}</Link>
      ) : (
        DASH
      ),
    },
    { key: 'region', label: t('finding.region'), children: f.regionName ?? f.admdvs ?? DASH },
    { key: 'grid', label: t('finding.grid'), children: f.gridId ?? DASH },
    ...(
      [
        ['psnNo', t('finding.psnNo'), f.psnNo],
        ['mdtrtId', t('finding.mdtrtId'), f.mdtrtId],
        ['setlId', t('finding.setlId'), f.setlId],
        ['feedetlSn', t('finding.feedetlSn'), f.feedetlSn],
        ['medListCodg', t('finding.medListCodg'), f.medListCodg],
        ['rtalDocno', t('finding.rtalDocno'), f.rtalDocno],
      ] as const
    )
      .filter(([, , v]) => v)
      .map(([key, label, v]) => ({ key, label, children: <span className="fg-num">{v}</span> })),
  ];
  return <Descriptions size="small" column={1} items={items} />;
}

/** One 疑点 with its evidence: the rule, the visit and its lines, the person, the decisions, and what the caller may do. */
export default function FindingDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  const { t, ruleName } = useI18n();
  const user = useUser();
  const { data, error, loading, reload } = useAsync((signal) => api.finding(id, signal), [id]);
  const back = <BackButton to="/findings" testId="back-to-list" label={t('detail.backToList')} />;
  if (!data || (error && data.finding.id !== id)) {
    return (
      <NotLoaded error={error} notFoundTitle={t('detail.notFound')} notFoundSub={t('detail.notFoundSub')} onRetry={reload} extra={back} />
    );
  }

  const f = data.finding;
  return (
    <Spin spinning={loading} delay={200}>
      <div data-testid="finding-detail">
        <PageHeader
          title={
            <CodeTitle title={t('detail.title')} code={f.ruleCode}>
              <span>{ruleName({ name: f.ruleName, nameEn: f.ruleNameEn })}</span>
              <LevelTag level={f.level} />
              <StatusTag status={f.status} />
            </CodeTitle>
          }
          extra={back}
        />
        <Alert
          className="fg-evidence fg-section"
          type={f.level === 'definite' ? 'error' : 'warning'}
          showIcon
          title={f.detail}
          data-testid="finding-evidence"
        />
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            {data.visit || (!data.sales.length && !data.stock) ? <VisitCard visit={data.visit} /> : null}
            <PharmacyCard sales={data.sales} stock={data.stock} />
            <OtherVisitsCard visits={data.otherVisits} />
          </Col>
          <Col xs={24} xl={8}>
            <Card title={t('detail.actions')} size="small" className="fg-section">
              <DecisionActions findingId={f.id} allowed={data.allowed} onDone={reload} />
              {f.status === 'confirmed' && f.fixmedinsCode && hasRole(user, ...HANDLER_ROLES) ? (
                <div style={{ marginTop: 12 }}>
                  <MakeClueButton key={f.id} finding={f} />
                </div>
              ) : null}
            </Card>
            <Card title={t('detail.title')} size="small" className="fg-section">
              <Facts d={data} />
            </Card>
            <PersonCard person={data.person} />
            <RuleCard rule={data.rule} />
            <Card title={t('detail.history')} size="small" className="fg-section">
              <HistoryTimeline history={data.history} />
            </Card>
          </Col>
        </Row>
      </div>
    </Spin>
  );
}
