import { useEffect, useMemo, useState } from 'react';
import { Card, Col, Descriptions, Row, Space, Tag, Timeline, Typography } from 'antd';
import { api } from '../../api/endpoints';
import type { FindingsFilter, InstitutionProfile } from '../../api/types';
import { NotLoaded } from '../../components/ApiErrorResult';
import { Chart, type ChartOption } from '../../components/Chart';
import { compactAxis, countValues, moneyValues, plotGrid, secondAxis } from '../../components/chartParts';
import { FindingsByCard } from '../../components/FindingsByCard';
import { FindingsTable } from '../../components/FindingsTable';
import { IndicatorTrend, isIndicator } from '../../components/IndicatorTrend';
import { FundFigures } from '../../components/FundFigures';
import { BackButton, PageHeader } from '../../components/PageHeader';
import { AgreementTag } from '../../components/Tags';
import { useAsync } from '../../hooks/useAsync';
import { DASH, monthBounds, useI18n, type I18n } from '../../i18n';
import { useUser } from '../../lib/auth';
import { findingsHref } from '../../lib/query';
import { Link, useNavigate, useSearchParams } from '../../lib/router';

function monthlyOption(rows: InstitutionProfile['monthly'], i: I18n): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [i.t('institutions.settlements'), i.t('institutions.findings'), i.t('institutions.fundPaid')], bottom: 0 },
    grid: plotGrid(24, 8, 36),
    xAxis: { type: 'category', data: rows.map((r) => r.month) },
    yAxis: [compactAxis(i, { name: i.t('institutions.fundPaid') }), secondAxis(i)],
    series: [
      { name: i.t('institutions.settlements'), type: 'bar', yAxisIndex: 1, data: rows.map((r) => r.settlements), tooltip: countValues(i) },
      {
        name: i.t('institutions.findings'),
        type: 'bar',
        yAxisIndex: 1,
        data: rows.map((r) => r.findings),
        itemStyle: { color: '#fa8c16' },
        tooltip: countValues(i),
      },
      {
        name: i.t('institutions.fundPaid'),
        type: 'line',
        yAxisIndex: 0,
        data: rows.map((r) => r.fundPaid),
        smooth: true,
        symbolSize: 7,
        tooltip: moneyValues(i),
      },
    ],
  };
}

/** 机构画像: figures, monthly indicators, findings by code, its findings and its history. */
export default function InstitutionProfilePage({ params }: { params: Record<string, string> }) {
  const code = params.code ?? '';
  const i18n = useI18n();
  const { t, fmt, label, ruleName } = i18n;
  const user = useUser();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  // The trend's indicator lives in the URL (?indicator=alos), so the warning board can link to the one that warned.
  const indicatorParam = sp.get('indicator');
  const indicator = isIndicator(indicatorParam) ? indicatorParam : 'fund_paid';
  const { data, error, reload } = useAsync((signal) => api.institution(code, signal), [code]);
  const [findings, setFindings] = useState<FindingsFilter>({ institution: code });
  useEffect(() => setFindings({ institution: code }), [code]);
  const findingsFilter = useMemo(() => ({ ...findings, institution: code }), [findings, code]);
  const option = useMemo(() => (data ? monthlyOption(data.monthly, i18n) : null), [data, i18n]);

  const back = user.role === 'institution' ? null : <BackButton to="/institutions" label={t('institutions.backToList')} />;
  if (!data || !option || (error && data.institution.fixmedinsCode !== code)) {
    return <NotLoaded error={error} notFoundTitle={t('institutions.notFound')} onRetry={reload} extra={back} />;
  }
  const inst = data.institution;

  return (
    <div data-testid="institution-profile">
      <PageHeader
        title={
          <Space wrap>
            <span>{inst.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 14 }}>
              {inst.fixmedinsCode}
            </Typography.Text>
            <AgreementTag status={inst.agreementStatus} />
          </Space>
        }
        extra={back}
      />
      <Card size="small" className="fg-section">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'type', label: t('institutions.type'), children: label('instType', inst.type) },
            { key: 'kind', label: t('institutions.kind'), children: label('instKind', inst.kind) },
            { key: 'level', label: t('institutions.hospLevel'), children: inst.level === null ? DASH : label('hospLv', inst.level) },
            { key: 'region', label: t('finding.region'), children: `${inst.regionName ?? ''} (${inst.admdvs})` },
            { key: 'grid', label: t('finding.grid'), children: inst.gridId ?? DASH },
            { key: 'agreement', label: t('institutions.agreement'), children: <AgreementTag status={inst.agreementStatus} /> },
            { key: 'from', label: t('institutions.statusFrom'), children: fmt.date(inst.statusFrom) },
            { key: 'prac', label: t('institutions.practitioners'), children: fmt.count(inst.practitioners) },
          ]}
        />
      </Card>
      <FundFigures
        fundPaid={inst.fundPaid}
        settlements={inst.settlements}
        findings={inst.findings}
        amountAtRisk={inst.amount}
        testIdPrefix="inst-"
      />
      <IndicatorTrend
        unitType="institution"
        unitId={code}
        testId="chart-indicator-trend"
        selectTestId="indicator-select"
        indicator={indicator}
        onIndicatorChange={(k) => {
          const next = new URLSearchParams(sp);
          if (k === 'fund_paid') next.delete('indicator');
          else next.set('indicator', k);
          setSp(next, { replace: true });
        }}
      />
      <Card title={t('institutions.monthly')} size="small" className="fg-section">
        <Chart
          testId="chart-institution-monthly"
          option={option}
          height={300}
          ariaLabel={t('institutions.monthly')}
          onCategoryClick={(idx) => {
            const r = data.monthly[idx];
            if (r) navigate(findingsHref({ institution: code, ...monthBounds(r.month) }));
          }}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <FindingsByCard
            title={t('institutions.byCode')}
            testId="institution-by-code"
            rows={data.byCode}
            rowKey="code"
            by={[
              {
                key: 'code',
                title: t('finding.rule'),
                render: (_, r) => (
                  <Link to={findingsHref({ institution: code, code: [r.code] })}>
                    <Typography.Text code>{r.code}</Typography.Text> {ruleName(r)}
                  </Link>
                ),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('institutions.history')} size="small" className="fg-section" data-testid="institution-history">
            {data.history.length ? (
              <Timeline
                items={data.history.slice(0, 50).map((h, idx) => ({
                  key: `${h.at}-${idx}`,
                  color: h.kind === 'agreement' ? 'red' : 'blue',
                  title: fmt.dateTime(h.at),
                  content: (
                    <Space size={4} wrap>
                      <Tag>{h.kind === 'agreement' ? t('institutions.historyAgreement') : t('institutions.historyDecision')}</Tag>
                      {h.findingId ? <Link to={`/findings/${encodeURIComponent(h.findingId)}`}>{h.text}</Link> : <span>{h.text}</span>}
                    </Space>
                  ),
                }))}
              />
            ) : (
              <Typography.Text type="secondary">{t('institutions.noHistory')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Card
        title={t('institutions.findingsList')}
        size="small"
        className="fg-section"
        extra={<Link to={findingsHref({ institution: code })}>{t('institutions.openInFindings')}</Link>}
      >
        <FindingsTable filter={findingsFilter} onChange={setFindings} hideInstitution testId="institution-findings-table" />
      </Card>
    </div>
  );
}
