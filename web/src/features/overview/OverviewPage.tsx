import { useMemo } from 'react';
import { Card, Col, DatePicker, Row, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/endpoints';
import type { FindingsFilter, Meta } from '../../api/types';
import { ApiErrorResult } from '../../components/ApiErrorResult';
import { ChartCard } from '../../components/ChartCard';
import { institutionHref } from '../../components/InstitutionCell';
import { FindingsByCard } from '../../components/FindingsByCard';
import { FundFigures } from '../../components/FundFigures';
import { PageHeader } from '../../components/PageHeader';
import { useAsync } from '../../hooks/useAsync';
import { monthBounds, useI18n } from '../../i18n';
import { useMeta } from '../../lib/meta';
import { findingsHref } from '../../lib/query';
import { Link, useNavigate, useSearchParams } from '../../lib/router';
import { byCodeOption, byLevelOption, byRegionOption, monthlyOption, topInstitutionsOption } from './charts';

const MONTH = /^\d{4}-\d{2}$/;

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
      <FundFigures {...data} />
      <Typography.Paragraph type="secondary">{t('overview.clickHint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <ChartCard
            title={t('overview.byCode')}
            rows={data.byCode}
            testId="chart-by-code"
            option={options.byCode}
            height={Math.max(320, data.byCode.length * 30 + 90)}
            categoryAxis="y"
            onRowClick={(r) => navigate(findingsHref({ ...periodFilter, code: [r.code] }))}
          />
        </Col>
        <Col xs={24} xl={10}>
          <ChartCard
            title={t('overview.byLevel')}
            rows={data.byLevel}
            testId="chart-by-level"
            option={options.byLevel}
            height={300}
            onClick={(e) => {
              const r = typeof e.dataIndex === 'number' ? data.byLevel[e.dataIndex] : undefined;
              if (r && (r.level === 'definite' || r.level === 'suspect')) navigate(findingsHref({ ...periodFilter, level: r.level }));
            }}
          />
          <ChartCard
            title={t('overview.topInstitutions')}
            rows={data.topInstitutions}
            testId="chart-top-institutions"
            option={options.top}
            height={Math.max(260, data.topInstitutions.length * 26 + 40)}
            categoryAxis="y"
            onRowClick={(r) => navigate(institutionHref(r.fixmedinsCode))}
          />
        </Col>
      </Row>
      <ChartCard
        title={t('overview.monthly')}
        rows={data.monthly}
        testId="chart-monthly"
        option={options.monthly}
        onRowClick={(r) => navigate(findingsHref(monthBounds(r.month)))}
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <ChartCard
            title={t('overview.byRegion')}
            rows={data.byRegion}
            testId="chart-by-region"
            option={options.byRegion}
            onRowClick={(r) => navigate(findingsHref({ ...periodFilter, admdvs: r.admdvs }))}
          />
        </Col>
        <Col xs={24} xl={10}>
          <FindingsByCard
            title={t('overview.byGrid')}
            testId="table-by-grid"
            rows={data.byGrid}
            rowKey="gridId"
            pagination={data.byGrid.length > 8 ? { pageSize: 8, size: 'small' } : false}
            by={[
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
            ]}
          />
        </Col>
      </Row>
    </div>
  );
}
