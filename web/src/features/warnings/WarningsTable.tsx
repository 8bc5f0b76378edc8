import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { HTMLAttributes } from 'react';
import { INDICATOR_UNIT, type Page, type WarningRow, type WarningSort, type WarningsFilter } from '../../api/types';
import { WarningLevelTag } from '../../components/Tags';
import { DASH, useI18n } from '../../i18n';
import { pagedChange, paginationOf } from '../../lib/paging';
import { Link } from '../../lib/router';

type SortColumn = 'level' | 'institution' | 'month' | 'change' | 'z';

function sortOrderOf(sort: WarningSort, column: SortColumn): 'ascend' | 'descend' | null {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}

function sortFrom(sorter: SorterResult<WarningRow>): WarningSort | undefined {
  if (!sorter.order) return undefined;
  switch (sorter.columnKey) {
    case 'level':
      return '-level';
    case 'change':
      return '-change';
    case 'z':
      return '-z';
    case 'institution':
      return 'institution';
    case 'month':
      return sorter.order === 'ascend' ? 'month' : '-month';
    default:
      return undefined;
  }
}

export interface WarningsTableProps {
  filter: WarningsFilter;
  data: Page<WarningRow> | undefined;
  loading: boolean;
  onChange: (next: WarningsFilter) => void;
  /** Clues made on this page since it loaded (warning id → clue id). */
  made: Record<string, string>;
  /** Offer "转为线索" (admin, analyst). */
  canMakeClue: boolean;
  onMakeClue: (w: WarningRow) => void;
}

/** The warnings of the board: paged and sorted on the server. */
export function WarningsTable({ filter, data, loading, onChange, made, canMakeClue, onMakeClue }: WarningsTableProps) {
  const { t, fmt, pick } = useI18n();
  const sort = filter.sort ?? '-level';
  const unit = (r: WarningRow) => INDICATOR_UNIT[r.indicator] ?? 'count';

  const columns: TableColumnsType<WarningRow> = [
    {
      key: 'level',
      title: t('finding.level'),
      width: 84,
      fixed: 'left',
      sorter: true,
      sortDirections: ['descend'],
      sortOrder: sortOrderOf(sort, 'level'),
      render: (_, r) => <WarningLevelTag level={r.level} />,
    },
    {
      key: 'institution',
      title: t('finding.institution'),
      width: 250,
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: sortOrderOf(sort, 'institution'),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/institutions/${encodeURIComponent(r.fixmedinsCode)}?indicator=${r.indicator}`} data-testid="warning-institution-link">
            {r.institutionName ?? r.fixmedinsCode}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.fixmedinsCode} · {r.regionName ?? r.admdvs ?? DASH} · {r.gridId ?? DASH}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'month',
      title: t('warnings.month'),
      width: 92,
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrderOf(sort, 'month'),
      render: (_, r) => r.month,
    },
    {
      // The sentence of the warning (what was compared with what) is the indicator's tooltip.
      key: 'indicator',
      title: t('warnings.indicator'),
      width: 150,
      render: (_, r) => (
        <Tooltip title={pick(r.message, r.messageEn)}>
          <Space orientation="vertical" size={2} data-testid="warning-message" data-message={pick(r.message, r.messageEn)}>
            <span className="fg-hint">{pick(r.indicatorName, r.indicatorNameEn) || t(`indicator.${r.indicator}`)}</span>
            <Tag variant="outlined" style={{ fontSize: 11 }} data-basis={r.basis}>
              {t(`basis.${r.basis}`)}
            </Tag>
          </Space>
        </Tooltip>
      ),
    },
    {
      key: 'value',
      title: t('warnings.value'),
      align: 'right',
      width: 130,
      render: (_, r) => <span className="fg-num">{fmt.indicator(unit(r), r.value)}</span>,
    },
    {
      key: 'reference',
      title: (
        <Tooltip title={t('warnings.referenceHint')}>
          <span className="fg-hint">{t('warnings.reference')}</span>
        </Tooltip>
      ),
      align: 'right',
      width: 130,
      render: (_, r) => <span className="fg-num">{fmt.indicator(unit(r), r.reference)}</span>,
    },
    {
      key: 'change',
      title: t('warnings.change'),
      align: 'right',
      width: 88,
      sorter: true,
      sortDirections: ['descend'],
      sortOrder: sortOrderOf(sort, 'change'),
      render: (_, r) => <span className="fg-num">{fmt.change(r.change)}</span>,
    },
    {
      key: 'z',
      title: (
        <Tooltip title={t('warnings.zHint')}>
          <span className="fg-hint">{t('warnings.z')}</span>
        </Tooltip>
      ),
      align: 'right',
      width: 100,
      sorter: true,
      sortDirections: ['descend'],
      sortOrder: sortOrderOf(sort, 'z'),
      render: (_, r) => <span className="fg-num">{fmt.fixed(r.z, 2)}</span>,
    },
    {
      key: 'clue',
      title: t('nav.clues'),
      width: 128,
      fixed: 'right',
      render: (_, r) => {
        const clueId = made[r.id] ?? r.clueId;
        return (
          <Space orientation="vertical" size={4}>
            {clueId ? (
              <Tooltip title={t('warnings.clueOf', { id: clueId })}>
                <Link to="/clues" data-testid="clue-made" data-clue-id={clueId}>
                  <Tag color="green" style={{ marginInlineEnd: 0 }}>
                    {t('warnings.clueMade')}
                  </Tag>
                  <Typography.Text type="secondary" className="fg-num" style={{ fontSize: 12, marginInlineStart: 4 }}>
                    {clueId.slice(0, 8)}
                  </Typography.Text>
                </Link>
              </Tooltip>
            ) : null}
            {canMakeClue ? (
              <Button size="small" disabled={!!clueId} onClick={() => onMakeClue(r)} data-testid="make-clue">
                {t('warnings.makeClue')}
              </Button>
            ) : clueId ? null : (
              DASH
            )}
          </Space>
        );
      },
    },
  ];

  const handleChange = pagedChange<WarningRow, WarningSort, WarningsFilter>(filter, onChange, sortFrom);

  return (
    <div data-testid="warnings-table">
      <Typography.Text type="secondary" data-testid="warnings-total">
        {data ? t('warnings.count', { n: fmt.count(data.total) }) : t('common.loading')}
      </Typography.Text>
      <Table<WarningRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        onChange={handleChange}
        onRow={(r) => ({ 'data-testid': 'warning-row', 'data-level': r.level }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('warnings.empty') }}
        scroll={{ x: 1080 }}
        style={{ marginTop: 8 }}
        pagination={paginationOf(filter, data?.total, (n) => t('common.total', { n: fmt.count(n) }))}
      />
    </div>
  );
}
