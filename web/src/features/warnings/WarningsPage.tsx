import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { api } from '../../api/endpoints';
import {
  HANDLER_ROLES,
  type Clue,
  type IndicatorKey,
  type Meta,
  type Page,
  type WarningLevel,
  type WarningRow,
  type WarningsFilter,
  type WarningSummary,
} from '../../api/types';
import { ApiErrorResult, Loaded } from '../../components/ApiErrorResult';
import { WARNING_COLORS } from '../../components/colors';
import { Hint } from '../../components/Hint';
import { IndicatorTrend } from '../../components/IndicatorTrend';
import { PageHeader } from '../../components/PageHeader';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../i18n';
import { hasRole, useUser } from '../../lib/auth';
import { useMeta } from '../../lib/meta';
import { parseWarningsFilter, warningsFilterToParams } from '../../lib/query';
import { useUrlFilter } from '../../lib/urlFilter';
import { ClueModal } from './ClueModal';
import { WarningsFilters } from './WarningsFilters';
import { WarningsTable } from './WarningsTable';

const LEVELS_BY_SEVERITY: WarningLevel[] = ['red', 'orange', 'yellow'];

/** Institutions at each level that month (click: filter on that level). */
function SummaryCards({
  summary,
  loading,
  filter,
  stacked,
  onPick,
}: {
  summary: WarningSummary | undefined;
  loading: boolean;
  filter: WarningsFilter;
  stacked: boolean;
  onPick: (level: WarningLevel) => void;
}) {
  const { t, fmt } = useI18n();
  return (
    <Row gutter={[12, 12]}>
      {LEVELS_BY_SEVERITY.map((level) => {
        const n = summary?.institutions[level];
        const selected = filter.level?.length === 1 && filter.level[0] === level;
        return (
          <Col key={level} xs={24} sm={stacked ? 24 : 8}>
            <Card
              size="small"
              hoverable
              loading={!summary && loading}
              className={`fg-warning-card${selected ? ' fg-warning-card-selected' : ''}`}
              style={{
                borderLeft: `4px solid ${WARNING_COLORS[level]}`,
                ...(selected ? { boxShadow: `0 0 0 1px ${WARNING_COLORS[level]}` } : {}),
              }}
              data-testid={`warning-count-${level}`}
              data-count={n ?? ''}
              role="button"
              tabIndex={0}
              aria-pressed={selected}
              onClick={() => onPick(level)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onPick(level);
                }
              }}
            >
              <Space style={{ width: '100%', justifyContent: 'space-between' }} align="end">
                <Statistic
                  title={t(`warnings.card.${level}`)}
                  value={fmt.count(n ?? 0)}
                  styles={{ content: { color: WARNING_COLORS[level] } }}
                />
                <Typography.Text type="secondary">
                  {t('warnings.card.warnings', { n: fmt.count(summary?.warnings[level] ?? 0) })}
                </Typography.Text>
              </Space>
            </Card>
          </Col>
        );
      })}
      <Col span={24}>
        <Hint>{t('warnings.card.hint')}</Hint>
      </Col>
    </Row>
  );
}

/** The region the small trend shows: the region filter when it names one region, else the first of the scope. */
function trendRegion(meta: Meta | undefined, admdvs: string | undefined): { admdvs: string; name: string } | null {
  const regions = meta?.regions ?? [];
  return (
    regions.find((r) => r.admdvs === admdvs) ??
    (admdvs ? regions.find((r) => r.admdvs.startsWith(admdvs)) : undefined) ??
    regions[0] ??
    null
  );
}

/** 预警: the month's summary, the region's trend, and the warnings, filtered, sorted and paged in the URL. */
export default function WarningsPage() {
  const { t } = useI18n();
  const user = useUser();
  const { meta } = useMeta();
  const { filter, go } = useUrlFilter(parseWarningsFilter, warningsFilterToParams);

  const summary = useAsync((signal) => api.warningSummary(filter.month, signal), [filter.month ?? '']);
  // Without a month in the URL the board shows the latest, which the summary names: wait for it.
  const summaryFor = summary.data && (!filter.month || summary.data.month === filter.month) ? summary.data : undefined;
  const month = filter.month ?? summaryFor?.month ?? undefined;
  const ready = !!filter.month || !!summaryFor || (!!summary.error && !summary.loading);
  const query = useMemo<WarningsFilter>(() => ({ ...filter, month }), [filter, month]);
  const listKey = ready ? JSON.stringify(query) : '';
  const list = useAsync<Page<WarningRow> | undefined>(
    (signal) => (ready ? api.warnings(query, signal) : Promise.resolve(undefined)),
    [listKey],
  );

  const [made, setMade] = useState<Record<string, string>>({});
  const [clueFor, setClueFor] = useState<WarningRow | null>(null);
  const onMade = (w: WarningRow, clue: Clue) => {
    setMade((m) => ({ ...m, [w.id]: clue.id }));
    setClueFor(null);
  };

  // The region trend follows the first indicator filtered on, fund paid otherwise; its own select can change it.
  const firstIndicator: IndicatorKey = filter.indicator?.[0] ?? 'fund_paid';
  const [trendIndicator, setTrendIndicator] = useState<IndicatorKey>(firstIndicator);
  useEffect(() => setTrendIndicator(firstIndicator), [firstIndicator]);
  const region = user.role === 'institution' ? null : trendRegion(meta, filter.admdvs);

  const months = summary.data?.months ?? [];
  const monthOptions = [...months].reverse().map((m) => ({ value: m, label: m }));
  if (filter.month && !months.includes(filter.month)) monthOptions.unshift({ value: filter.month, label: filter.month });

  const header = (
    <PageHeader
      title={t('warnings.title')}
      sub={t('warnings.sub')}
      extra={
        <Space>
          <label htmlFor="warnings-month">
            <Typography.Text type="secondary">{t('warnings.month')}</Typography.Text>
          </label>
          <Select
            id="warnings-month"
            style={{ width: 140 }}
            value={month}
            options={monthOptions}
            loading={summary.loading && !summary.data}
            disabled={!monthOptions.length}
            onChange={(m: string) => go({ ...filter, month: m, page: undefined })}
            data-testid="warnings-month"
          />
        </Space>
      }
    />
  );

  const pickLevel = (level: WarningLevel) => {
    const only = filter.level?.length === 1 && filter.level[0] === level;
    go({ ...filter, level: only ? undefined : [level], page: undefined });
  };

  return (
    <div data-testid="warnings-page">
      {header}
      {summary.error && !summary.data ? <ApiErrorResult error={summary.error} onRetry={summary.reload} /> : null}
      {summary.data && !summary.data.months.length ? (
        <Alert type="info" showIcon className="fg-section" title={t('warnings.noMonths')} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={region ? 8 : 24}>
          <div className="fg-section">
            <SummaryCards summary={summaryFor} loading={summary.loading} filter={filter} stacked={!!region} onPick={pickLevel} />
          </div>
        </Col>
        {region ? (
          <Col xs={24} xl={16}>
            <IndicatorTrend
              key={region.admdvs}
              unitType="region"
              unitId={region.admdvs}
              testId="chart-region-trend"
              selectTestId="region-indicator-select"
              indicator={trendIndicator}
              onIndicatorChange={setTrendIndicator}
              title={t('warnings.regionTrendOf', { region: region.name })}
              height={232}
            />
          </Col>
        ) : null}
      </Row>
      <WarningsFilters filter={filter} meta={meta} fixedInstitution={user.role === 'institution'} onApply={go} />
      <Loaded state={list}>
        <WarningsTable
          filter={filter}
          data={list.data}
          loading={list.loading || !ready}
          onChange={go}
          made={made}
          canMakeClue={hasRole(user, ...HANDLER_ROLES)}
          onMakeClue={setClueFor}
        />
      </Loaded>
      <ClueModal
        warning={clueFor}
        onClose={() => setClueFor(null)}
        onMade={onMade}
        onConflict={() => {
          setClueFor(null);
          list.reload();
        }}
      />
    </div>
  );
}
