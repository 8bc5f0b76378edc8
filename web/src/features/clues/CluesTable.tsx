import { Button, Space, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Clue, CluesFilter } from '../../api/types';
import { ClueSourceTag, ClueStatusTag } from '../../components/CaseTags';
import { Stacked } from '../../components/Hint';
import { InstitutionCell } from '../../components/InstitutionCell';
import { LedgerCount, LedgerTable, type LedgerPaging } from '../../components/LedgerTable';
import { Money } from '../../components/Money';
import { DASH, useI18n } from '../../i18n';
import { selectable } from '../../lib/cases';
import { Link } from '../../lib/router';

export interface CluesTableProps extends LedgerPaging<Clue, CluesFilter> {
  /** Handlers (admin, analyst) select open clues of one institution to open a case, and dismiss clues. */
  canHandle: boolean;
  selected: Clue[];
  onSelect: (clues: Clue[]) => void;
  onView: (clue: Clue) => void;
  onDismiss: (clue: Clue) => void;
}

/** The clue ledger: paged on the server, newest first. */
export function CluesTable({ canHandle, selected, onSelect, onView, onDismiss, ...paging }: CluesTableProps) {
  const { t, fmt } = useI18n();
  const columns: TableColumnsType<Clue> = [
    {
      key: 'id',
      title: t('clues.id'),
      width: 96,
      render: (_, r) => (
        <Tooltip title={r.id}>
          <Typography.Text code data-testid="clue-id">
            {r.id.slice(0, 8)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'source',
      title: t('clues.source'),
      width: 110,
      render: (_, r) => (
        <div className="fg-cell">
          <span>
            <ClueSourceTag source={r.source} />
          </span>
          {r.sourceId ? (
            <Typography.Text type="secondary" className="fg-cell-sub fg-num" ellipsis={{ tooltip: r.sourceId }}>
              {r.sourceId.length > 16 ? r.sourceId.slice(0, 8) : r.sourceId}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      key: 'institution',
      title: t('clues.institution'),
      width: 200,
      render: (_, r) => <InstitutionCell code={r.fixmedinsCode} name={r.institutionName} />,
    },
    {
      key: 'summary',
      title: t('clues.summary'),
      render: (_, r) => (
        <div className="fg-cell">
          <span data-testid="clue-summary">{r.summary}</span>
          {r.note ? (
            <Typography.Text type="secondary" className="fg-cell-sub" ellipsis={{ tooltip: r.note }}>
              {r.note}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    { key: 'amount', title: t('clues.amount'), width: 120, align: 'right', render: (_, r) => <Money value={r.amount} /> },
    {
      key: 'findings',
      title: t('clues.findings'),
      width: 80,
      align: 'right',
      render: (_, r) => (r.findings ? fmt.count(r.findings) : DASH),
    },
    {
      key: 'status',
      title: t('clues.status'),
      width: 110,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Tooltip title={r.dismissReason}>
            <span>
              <ClueStatusTag status={r.status} />
            </span>
          </Tooltip>
          {r.caseId ? (
            <Link to={`/cases/${r.caseId}`} data-testid="clue-case-link">
              {r.caseNo}
            </Link>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'created',
      title: t('clues.createdAt'),
      width: 110,
      render: (_, r) => (
        <Stacked sub={r.createdBy}>
          <Tooltip title={fmt.dateTime(r.createdAt)}>
            <span className="fg-num">{fmt.date(r.createdAt)}</span>
          </Tooltip>
        </Stacked>
      ),
    },
    {
      key: 'actions',
      title: '',
      width: 130,
      fixed: 'right',
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => onView(r)} data-testid="clue-view">
            {t('common.view')}
          </Button>
          {canHandle && r.status === 'open' ? (
            <Button size="small" type="link" danger onClick={() => onDismiss(r)} data-testid="clue-dismiss">
              {t('clues.dismiss')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <LedgerTable<Clue, CluesFilter>
      {...paging}
      testId="clues-table"
      columns={columns}
      scrollX={1180}
      emptyText={t('clues.empty')}
      header={<LedgerCount total={paging.data?.total} countKey="clues.count" testId="clues-total" />}
      rowProps={(r) => ({ 'data-testid': 'clue-row', 'data-clue-id': r.id, 'data-status': r.status })}
      rowSelection={
        canHandle
          ? {
              selectedRowKeys: selected.map((c) => c.id),
              preserveSelectedRowKeys: true,
              hideSelectAll: true,
              onChange: (_keys, rows) => onSelect(rows.filter((c): c is Clue => !!c)),
              getCheckboxProps: (r) =>
                ({ disabled: !selected.some((s) => s.id === r.id) && !selectable(r, selected), 'data-testid': 'clue-select' }) as object,
            }
          : undefined
      }
    />
  );
}
