import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { INDICATOR_UNIT, WARNING_SORTS, type WarningRow, type WarningsFilter } from '../../api/types';
import { Explained } from '../../components/Hint';
import { InstitutionCell } from '../../components/InstitutionCell';
import { LedgerCount, LedgerTable, type LedgerPaging } from '../../components/LedgerTable';
import { WarningLevelTag } from '../../components/Tags';
import { DASH, useI18n } from '../../i18n';
import { serverSorted } from '../../lib/paging';
import { Link } from '../../lib/router';

export interface WarningsTableProps extends LedgerPaging<WarningRow, WarningsFilter> {
  /** Clues made on this page since it loaded (warning id → clue id). */
  made: Record<string, string>;
  /** Offer "转为线索" (admin, analyst). */
  canMakeClue: boolean;
  onMakeClue: (w: WarningRow) => void;
}

/** The warnings of the board: paged and sorted on the server. */
export function WarningsTable({ made, canMakeClue, onMakeClue, ...paging }: WarningsTableProps) {
  const { t, fmt, pick } = useI18n();
  const sort = paging.filter.sort ?? '-level';
  const unit = (r: WarningRow) => INDICATOR_UNIT[r.indicator] ?? 'count';

  const columns: TableColumnsType<WarningRow> = [
    {
      title: t('finding.level'),
      width: 84,
      fixed: 'left',
      ...serverSorted(sort, 'level', ['descend']),
      render: (_, r) => <WarningLevelTag level={r.level} />,
    },
    {
      title: t('finding.institution'),
      width: 250,
      ...serverSorted(sort, 'institution', ['ascend']),
      render: (_, r) => (
        <InstitutionCell
          code={r.fixmedinsCode}
          name={r.institutionName}
          more={[r.regionName ?? r.admdvs ?? DASH, r.gridId ?? DASH]}
          indicator={r.indicator}
          testId="warning-institution-link"
        />
      ),
    },
    {
      title: t('warnings.month'),
      width: 92,
      ...serverSorted(sort, 'month', ['descend', 'ascend']),
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
      title: <Explained hint={t('warnings.referenceHint')}>{t('warnings.reference')}</Explained>,
      align: 'right',
      width: 130,
      render: (_, r) => <span className="fg-num">{fmt.indicator(unit(r), r.reference)}</span>,
    },
    {
      title: t('warnings.change'),
      align: 'right',
      width: 88,
      ...serverSorted(sort, 'change', ['descend']),
      render: (_, r) => <span className="fg-num">{fmt.change(r.change)}</span>,
    },
    {
      title: <Explained hint={t('warnings.zHint')}>{t('warnings.z')}</Explained>,
      align: 'right',
      width: 100,
      ...serverSorted(sort, 'z', ['descend']),
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

  return (
    <LedgerTable<WarningRow, WarningsFilter>
      {...paging}
      testId="warnings-table"
      columns={columns}
      sorts={WARNING_SORTS}
      scrollX={1080}
      style={{ marginTop: 8 }}
      emptyText={t('warnings.empty')}
      rowProps={(r) => ({ 'data-testid': 'warning-row', 'data-level': r.level })}
      header={<LedgerCount total={paging.data?.total} countKey="warnings.count" testId="warnings-total" />}
    />
  );
}
