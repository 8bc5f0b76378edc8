import { Card, Empty } from 'antd';
import { useI18n } from '../i18n';
import { Chart, type ChartProps } from './Chart';

export interface ChartCardProps<R> extends Omit<ChartProps, 'ariaLabel' | 'onCategoryClick'> {
  /** The card's title, also the chart's accessible name. */
  title: string;
  /** The rows the chart draws, one a category: none, and the card says so. */
  rows: R[];
  /** A click over a category: its row (horizontal bars list the rows bottom-up). */
  onRowClick?: (row: R) => void;
}

/** A chart in a card under its title; "no data" in its place when there are no rows. */
export function ChartCard<R>({ title, rows, onRowClick, categoryAxis, ...chart }: ChartCardProps<R>) {
  const { t } = useI18n();
  const rowAt = (index: number) => rows[categoryAxis === 'y' ? rows.length - 1 - index : index];
  return (
    <Card title={title} size="small" className="fg-section">
      {rows.length ? (
        <Chart
          {...chart}
          ariaLabel={title}
          categoryAxis={categoryAxis}
          onCategoryClick={
            onRowClick
              ? (index) => {
                  const r = rowAt(index);
                  if (r) onRowClick(r);
                }
              : undefined
          }
        />
      ) : (
        <Empty description={t('overview.noData')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}
