import { Card, Table } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { useI18n } from '../i18n';
import { Money } from './Money';

/** Findings by something (a grid, a rule) as a small table in a card: what they are grouped by, then their count and amount at risk. */
export function FindingsByCard<R extends { findings: number; amount: number }>({
  title,
  testId,
  rows,
  rowKey,
  by,
  pagination = false,
}: {
  title: string;
  testId: string;
  rows: R[];
  rowKey: keyof R & string;
  /** The columns of what the findings are grouped by. */
  by: TableColumnsType<R>;
  pagination?: TablePaginationConfig | false;
}) {
  const { t, fmt } = useI18n();
  return (
    <Card title={title} size="small" className="fg-section" data-testid={testId}>
      <Table<R>
        size="small"
        rowKey={rowKey}
        dataSource={rows}
        pagination={pagination}
        locale={{ emptyText: t('overview.noData') }}
        columns={[
          ...by,
          { key: 'findings', title: t('overview.findings'), align: 'right', render: (_, r) => fmt.count(r.findings) },
          { key: 'amount', title: t('overview.amountAtRisk'), align: 'right', render: (_, r) => <Money value={r.amount} /> },
        ]}
      />
    </Card>
  );
}
