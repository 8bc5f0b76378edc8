import { useMemo, type ReactNode } from 'react';
import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/endpoints';
import type { FindingsFilter, Meta, Overview } from '../../api/types';
import { ApiErrorResult } from '../../components/ApiErrorResult';
import { Chart, type ChartClick } from '../../components/Chart';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { useAsync } from '../../hooks/useAsync';
import { monthBounds, useI18n } from '../../i18n';
import { useMeta } from '../../lib/meta';
import { findingsHref } from '../../lib/query';
import { Link, useNavigate, useSearchParams } from '../../lib/router';
import { byCodeOption, byLevelOption, byRegionOption, monthlyOption, topInstitutionsOption } from './charts';

const MONTH = /^\d{4}-\d{2}$/;

function ChartCard({ title, children, empty }: { title: string; children: ReactNode; empty: boolean }) {
  const { t } = useI18n();
  return (
    <Card title={title} size="small" className="fg-section">
      {empty ? <Empty description={t('overview.noData')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : children}
    </Card>
  );
}

function Kpis({ data }: { data: Overview }) {
  const { t, fmt } = useI18n();
  const cards = [
    { id: 'kpi-fund-paid', title: t('overview.fundPaid'), value: fmt.money(data.fundPaid) },
    { id: 'kpi-settlements', title: t('overview.settlements'), value: fmt.count(data.settlements) },
    { id: 'kpi-findings', title: t('overview.findings'), value: fmt.count(data.findings) },
    { id: 'kpi-amount-at-risk', title: t('overview.amountAtRisk'), value: fmt.money(data.amountAtRisk) },
  ];
  return (
    <Row gutter={[16, 16]} className="fg-section">
      {cards.map((c) => (
        <Col key={c.id} xs={24} sm={12} xl={6}>
          <Card data-testid={c.id} className="fg-kpi">
            <Statistic title={c.title} value={c.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export default function OverviewPage() {
  const { meta, error } = useMeta();
  // The default range is the data's period, so wait for it rather than ask twice.
  if (!meta && !error) return <Card loading />;
  return <OverviewBody meta={meta} />;
}

function OverviewBody({ meta }: { meta: Meta | undefined }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();

  const period = meta?.period;
  const fromQ = sp.get('from');
  const toQ = sp.get('to');
  const from = fromQ && MONTH.test(fromQ) ? fromQ : (period?.from ?? undefined);
  const to = toQ && MONTH.test(toQ) ? toQ : (period?.to ?? undefined);

  const { data, error, loading, reload } = useAsync((signal) => api.overview({ from, to }, signal), [from, to]);

  /** Findings links carry the chosen months when they narrow the whole period. */
  const periodFilter = useMemo<FindingsFilter>(() => {
    if (!from || !to || (from === period?.from && to === period?.to)) return {};
    return { from: monthBounds(from).from, to: monthBounds(to).to };
  }, [from, to, period?.from, period?.to]);

  const options = useMemo(() => {
    if (!data) return null;
    return {
      byCode: byCodeOption(data.byCode, i18n),
      byLevel: byLevelOption(data.byLevel, i18n),
      top: topInstitutionsOption(data.topInstitutions, i18n),
      monthly: monthlyOption(data.monthly, i18n),
      byRegion: byRegionOption(data.byRegion, i18n),
    };
  }, [data, i18n]);

  const onRange = (v: [Dayjs | null, Dayjs | null] | null) => {
    const next = new URLSearchParams();
    if (v?.[0] && v[1]) {
      next.set('from', v[0].format('YYYY-MM'));
      next.set('to', v[1].format('YYYY-MM'));
    }
    setSp(next, { replace: true });
  };

  /** The row under a clicked mark or category (horizontal bars list the rows bottom-up). */
  const at = <T,>(rows: T[], idx: number, reversed = false): T | undefined => rows[reversed ? rows.length - 1 - idx : idx];
  const pick = <T,>(rows: T[], e: ChartClick): T | undefined => (typeof e.dataIndex === 'number' ? at(rows, e.dataIndex) : undefined);

  const header = (
    <PageHeader
      title={t('overview.title')}
      sub={meta ? (meta.screenedAt ? t('overview.screenedAt', { time: fmt.dateTime(meta.screenedAt) }) : t('overview.notScreened')) : null}
      extra={
        <Space>
          <label htmlFor="overview-period">
            <Typography.Text type="secondary">{t('overview.period')}</Typography.Text>
          </label>
          <DatePicker.RangePicker
            id="overview-period"
            picker="month"
            allowClear
            data-testid="overview-period"
            value={from && to ? [dayjs(`${from}-01`), dayjs(`${to}-01`)] : null}
            minDate={period?.from ? dayjs(`${period.from}-01`) : undefined}
            maxDate={period?.to ? dayjs(`${period.to}-01`).endOf('month') : undefined}
            onChange={onRange}
          />
        </Space>
      }
    />
  );

  if (error && !data)
    return (
      <>
        {header}
        <ApiErrorResult error={error} onRetry={reload} />
      </>
    );
  if (!data || !options)
    return (
      <>
        {header}
        <Card loading />
      </>
    );

  return (
    <div data-testid="overview" aria-busy={loading}>
      {header}
      <Kpis data={data} />
      <Typography.Paragraph type="secondary">{t('overview.clickHint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <ChartCard title={t('overview.byCode')} empty={!data.byCode.length}>
            <Chart
              testId="chart-by-code"
              option={options.byCode}
              height={Math.max(320, data.byCode.length * 30 + 90)}
              ariaLabel={t('overview.byCode')}
              categoryAxis="y"
              onCategoryClick={(idx) => {
                const r = at(data.byCode, idx, true);
                if (r) navigate(findingsHref({ ...periodFilter, code: [r.code] }));
              }}
            />
          </ChartCard>
        </Col>
        <Col xs={24} xl={10}>
          <ChartCard title={t('overview.byLevel')} empty={!data.byLevel.length}>
            <Chart
              testId="chart-by-level"
              option={options.byLevel}
              height={300}
              ariaLabel={t('overview.byLevel')}
              onClick={(e) => {
                const r = pick(data.byLevel, e);
                if (r && (r.level === 'definite' || r.level === 'suspect')) navigate(findingsHref({ ...periodFilter, level: r.level }));
              }}
            />
          </ChartCard>
          <ChartCard title={t('overview.topInstitutions')} empty={!data.topInstitutions.length}>
            <Chart
              testId="chart-top-institutions"
              option={options.top}
              height={Math.max(260, data.topInstitutions.length * 26 + 40)}
              ariaLabel={t('overview.topInstitutions')}
              categoryAxis="y"
              onCategoryClick={(idx) => {
                const r = at(data.topInstitutions, idx, true);
                if (r) navigate(`/institutions/${encodeURIComponent(r.fixmedinsCode)}`);
              }}
            />
          </ChartCard>
        </Col>
      </Row>
      <ChartCard title={t('overview.monthly')} empty={!data.monthly.length}>
        <Chart
          testId="chart-monthly"
          option={options.monthly}
          height={320}
          ariaLabel={t('overview.monthly')}
          onCategoryClick={(idx) => {
            const r = at(data.monthly, idx);
            if (r) navigate(findingsHref(monthBounds(r.month)));
          }}
        />
      </ChartCard>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <ChartCard title={t('overview.byRegion')} empty={!data.byRegion.length}>
            <Chart
              testId="chart-by-region"
              option={options.byRegion}
              height={320}
              ariaLabel={t('overview.byRegion')}
              onCategoryClick={(idx) => {
                const r = at(data.byRegion, idx);
                if (r) navigate(findingsHref({ ...periodFilter, admdvs: r.admdvs }));
              }}
            />
          </ChartCard>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('overview.byGrid')} size="small" className="fg-section" data-testid="table-by-grid">
            <Table
              size="small"
              rowKey="gridId"
              dataSource={data.byGrid}
              pagination={data.byGrid.length > 8 ? { pageSize: 8, size: 'small' } : false}
              locale={{ emptyText: t('overview.noData') }}
              columns={[
                {
                  key: 'grid',
                  title: t('finding.grid'),
                  render: (_, r) => <Link to={findingsHref({ ...periodFilter, grid: r.gridId })}>{r.gridId}</Link>,
                },
                {
                  key: 'region',
                  title: t('finding.region'),
                  render: (_, r) => meta?.regions.find((x) => x.admdvs === r.admdvs)?.name ?? r.admdvs,
                },
                { key: 'findings', title: t('overview.findings'), align: 'right', render: (_, r) => fmt.count(r.findings) },
                { key: 'amount', title: t('overview.amountAtRisk'), align: 'right', render: (_, r) => <Money value={r.amount} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
