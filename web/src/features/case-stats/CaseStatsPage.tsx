import { Fragment, type HTMLAttributes } from 'react';
import { Button, Card, Radio, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, caseStatsExportUrl } from '../../api/endpoints';
import type { CaseStatsFilter, CaseStatsRow } from '../../api/types';
import { Loaded } from '../../components/ApiErrorResult';
import { DayPicker } from '../../components/DayPicker';
import { Stacked } from '../../components/Hint';
import { PageHeader } from '../../components/PageHeader';
import { useAsync } from '../../hooks/useAsync';
import { DASH, useI18n } from '../../i18n';
import { caseStatsFilterToParams, parseCaseStatsFilter } from '../../lib/query';
import { useUrlFilter } from '../../lib/urlFilter';

type Figure = Exclude<keyof CaseStatsRow, 'key' | 'name'>;
interface FigureColumn {
  key: Figure;
  money?: true;
}

/** The table's figures in groups, in the order of the export's columns; amounts in 元. */
const GROUPS: Array<{ key: 'cases' | 'institutions' | 'funds' | 'fines' | 'sanctions' | 'referrals'; figures: FigureColumn[] }> = [
  { key: 'cases', figures: [{ key: 'casesOpened' }, { key: 'casesClosed' }] },
  { key: 'institutions', figures: [{ key: 'institutionsInspected' }, { key: 'institutionsHandled' }] },
  {
    key: 'funds',
    figures: [
      { key: 'returnOrdered', money: true },
      { key: 'recovered', money: true },
      { key: 'refused', money: true },
    ],
  },
  { key: 'fines', figures: [{ key: 'fines' }, { key: 'fineAmount', money: true }, { key: 'finesPaid', money: true }] },
  { key: 'sanctions', figures: [{ key: 'suspendedAgreements' }, { key: 'terminatedAgreements' }, { key: 'suspendedPractitioners' }] },
  { key: 'referrals', figures: [{ key: 'interviews' }, { key: 'referredPolice' }, { key: 'referredDiscipline' }] },
];
const FIGURES = GROUPS.flatMap((g) => g.figures);
const UNIT_WIDTH = 120;
/** Narrow enough for the Chinese table to fit a 1440-pixel screen; English headers need more (the table scrolls). */
const widthIn = (lang: string) => (f: FigureColumn) => (f.money ? (lang === 'en' ? 96 : 88) : lang === 'en' ? 84 : 54);

/** The period and grouping: from and to months, by region or grid; the Excel export of the same query. */
function StatsQuery({ filter, onChange }: { filter: CaseStatsFilter; onChange: (f: CaseStatsFilter) => void }) {
  const { t } = useI18n();
  return (
    <Card size="small" className="fg-section">
      <Space wrap size="middle">
        <Space>
          {(['from', 'to'] as const).map((end) => (
            <Fragment key={end}>
              <Typography.Text type="secondary">{t(`stats.${end}`)}</Typography.Text>
              <DayPicker
                picker="month"
                testId={`stats-${end}`}
                value={filter[end]}
                onChange={(month) => onChange({ ...filter, [end]: month })}
                placeholder={t('stats.any')}
                style={{ width: 130 }}
              />
            </Fragment>
          ))}
        </Space>
        <Radio.Group
          optionType="button"
          value={filter.by ?? 'region'}
          onChange={(e) => onChange({ ...filter, by: e.target.value as 'region' | 'grid' })}
          data-testid="stats-by"
          options={[
            { value: 'region', label: t('stats.byRegion') },
            { value: 'grid', label: t('stats.byGrid') },
          ]}
        />
        <Button href={caseStatsExportUrl(filter)} download data-testid="stats-export">
          {t('findings.export')}
        </Button>
      </Space>
    </Card>
  );
}

/** 统计表: the period's case handling by region or grid, one row each and a bold 合计 row; the same table in Excel. */
export default function CaseStatsPage() {
  const { t, fmt, lang } = useI18n();
  const width = widthIn(lang);
  const { filter, search, go } = useUrlFilter(parseCaseStatsFilter, caseStatsFilterToParams);
  const stats = useAsync((signal) => api.caseStats(filter, signal), [search]);
  const { data, loading } = stats;
  const by = filter.by ?? 'region';
  const value = (f: FigureColumn, r: CaseStatsRow) => (f.money ? fmt.money(r[f.key]) : fmt.count(r[f.key]));

  const columns: TableColumnsType<CaseStatsRow> = [
    {
      key: 'unit',
      title: by === 'region' ? t('stats.region') : t('stats.grid'),
      fixed: 'left',
      width: UNIT_WIDTH,
      render: (_, r) => (
        <Stacked numeric sub={by === 'region' && r.key ? r.key : null}>
          <span>{r.name ?? r.key ?? DASH}</span>
        </Stacked>
      ),
    },
    ...GROUPS.map((g) => ({
      key: g.key,
      title: t(`stats.group.${g.key}`),
      children: g.figures.map((f) => ({
        key: f.key,
        title: t(`stats.${f.key}`),
        align: 'right' as const,
        width: width(f),
        render: (_: unknown, r: CaseStatsRow) => <span className="fg-num">{value(f, r)}</span>,
      })),
    })),
  ];

  const period = filter.from || filter.to ? `${filter.from ?? '…'} ~ ${filter.to ?? '…'}` : t('stats.allTime');
  return (
    <div data-testid="stats-page">
      <PageHeader title={t('stats.title')} sub={t('stats.sub')} />
      <StatsQuery filter={filter} onChange={go} />
      <Loaded state={stats}>
        <Card size="small" title={t('stats.period', { period })}>
          <Table<CaseStatsRow>
            rowKey={(r) => r.key ?? ''}
            size="small"
            bordered
            loading={loading}
            pagination={false}
            columns={columns}
            dataSource={data?.rows ?? []}
            scroll={{ x: UNIT_WIDTH + FIGURES.reduce((a, f) => a + width(f), 0) }}
            className="fg-stats"
            data-testid="stats-table"
            locale={{ emptyText: t('stats.empty') }}
            onRow={(r) => ({ 'data-testid': 'stats-row', 'data-key': r.key ?? '' }) as HTMLAttributes<HTMLElement>}
            summary={() =>
              data ? (
                <Table.Summary fixed="bottom">
                  <Table.Summary.Row className="fg-stats-total" data-testid="stats-total">
                    <Table.Summary.Cell index={0}>
                      <strong>{t('stats.total')}</strong>
                    </Table.Summary.Cell>
                    {FIGURES.map((f, i) => (
                      <Table.Summary.Cell key={f.key} index={i + 1} align="right">
                        <strong className="fg-num" data-testid={`stats-total-${f.key}`} data-value={data.total[f.key]}>
                          {value(f, data.total)}
                        </strong>
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null
            }
          />
        </Card>
      </Loaded>
    </div>
  );
}
