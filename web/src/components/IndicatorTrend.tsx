import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Empty, Select, Space, Typography } from 'antd';
import { isApiError } from '../api/client';
import { api } from '../api/endpoints';
import { INDICATOR_KEYS, type IndicatorKey, type IndicatorUnitType } from '../api/types';
import { useAsync } from '../hooks/useAsync';
import { useI18n, type Translate } from '../i18n';
import { errorMessage } from './ApiErrorResult';
import { Chart } from './Chart';
import { Hint } from './Hint';
import { indicatorTrendOption } from './indicatorTrendOption';

/** The 13 monitored indicators as select options, named in the current language. */
export function indicatorOptions(t: Translate): Array<{ value: IndicatorKey; label: string }> {
  return INDICATOR_KEYS.map((k) => ({ value: k, label: t(`indicator.${k}`) }));
}

export function isIndicator(v: string | null | undefined): v is IndicatorKey {
  return !!v && (INDICATOR_KEYS as readonly string[]).includes(v);
}

export interface IndicatorTrendProps {
  unitType: IndicatorUnitType;
  /** Institution code, region admdvs or grid id. */
  unitId: string;
  /** data-testid of the chart. */
  testId: string;
  /** data-testid of the indicator select. */
  selectTestId: string;
  /** The indicator shown (controlled), or the one to start with. */
  indicator?: IndicatorKey;
  defaultIndicator?: IndicatorKey;
  onIndicatorChange?: (indicator: IndicatorKey) => void;
  title?: ReactNode;
  height?: number;
}

/** A peer group "kind|level" in words: 公立医院 · 三级. */
function usePeerGroupLabel(group: string | null): string | null {
  const { label } = useI18n();
  if (!group) return null;
  const [kind, level] = group.split('|');
  return [label('instKind', kind), level && level !== '-' ? label('hospLv', level) : null].filter(Boolean).join(' · ');
}

/**
 * GET /indicators for one unit and indicator, drawn as a line with the peers' band (institutions) and the
 * warning months as coloured points; an indicator select in the card's header.
 */
export function IndicatorTrend({
  unitType,
  unitId,
  testId,
  selectTestId,
  indicator,
  defaultIndicator = 'fund_paid',
  onIndicatorChange,
  title,
  height = 300,
}: IndicatorTrendProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [own, setOwn] = useState<IndicatorKey>(defaultIndicator);
  const current = indicator ?? own;
  const { data, error, loading, reload } = useAsync(
    (signal) => api.indicators({ unitType, unitId, indicator: current }, signal),
    [unitType, unitId, current],
  );
  // The last answer stays while the next indicator loads (no flash), but never another unit's.
  const series = data && data.unitId === unitId && data.unitType === unitType ? data : undefined;
  const option = useMemo(() => (series ? indicatorTrendOption(series, i18n) : null), [series, i18n]);
  const peerGroup = usePeerGroupLabel(series?.peerGroup ?? null);

  const choose = (k: IndicatorKey) => {
    setOwn(k);
    onIndicatorChange?.(k);
  };

  const select = (
    <Select<IndicatorKey>
      value={current}
      onChange={choose}
      options={indicatorOptions(t)}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 200 }}
      aria-label={t('trend.indicator')}
      data-testid={selectTestId}
    />
  );

  let body: ReactNode;
  if (error && !series) {
    body =
      isApiError(error) && error.status === 404 ? (
        <Empty description={t('overview.noData')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Alert
          type="error"
          showIcon
          title={errorMessage(error)}
          action={
            <Button size="small" onClick={reload}>
              {t('common.retry')}
            </Button>
          }
        />
      );
  } else if (!series || !option) {
    body = <div className="fg-loading" style={{ minHeight: height }} aria-busy />;
  } else if (!series.points.some((p) => p.value !== null)) {
    body = <Empty description={t('overview.noData')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  } else {
    body = (
      <>
        <Chart
          testId={testId}
          option={option}
          height={height}
          ariaLabel={`${t('trend.title')}: ${i18n.pick(series.indicatorName, series.indicatorNameEn)} · ${series.name}`}
        />
        <Hint>{series.unitType === 'institution' ? t('trend.hint') : t('trend.hintRegion')}</Hint>
      </>
    );
  }

  return (
    <Card
      size="small"
      className="fg-section"
      title={
        <Space size={8} wrap>
          <span>{title ?? t('trend.title')}</span>
          {peerGroup ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('trend.peerGroup', { group: peerGroup })}
            </Typography.Text>
          ) : null}
        </Space>
      }
      extra={select}
      aria-busy={loading}
    >
      {body}
    </Card>
  );
}
