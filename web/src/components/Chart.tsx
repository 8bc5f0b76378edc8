import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import {
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  type BarSeriesOption,
  type LineSeriesOption,
  type PieSeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the workbench draws, so the bundle carries a fraction of ECharts.
echarts.use([BarChart, LineChart, PieChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;
export type ChartClick = echarts.ECElementEvent;

export interface ChartProps {
  option: ChartOption;
  /** The container's height in pixels (ECharts needs an explicit one). */
  height?: number;
  testId: string;
  /** A click on a bar, slice or point. */
  onClick?: (e: ChartClick) => void;
  /** A click anywhere over a category of the chart's category axis (index into its data), not only on the mark. */
  onCategoryClick?: (index: number) => void;
  /** Which axis holds the categories (y for horizontal bars). */
  categoryAxis?: 'x' | 'y';
  /** Accessible description of the chart. */
  ariaLabel?: string;
}

/** ECharts on a div: init once, setOption on change, resize with the container, dispose on unmount. */
export function Chart({ option, height = 320, testId, onClick, onCategoryClick, categoryAxis = 'x', ariaLabel }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const categoryRef = useRef({ onCategoryClick, categoryAxis });
  categoryRef.current = { onCategoryClick, categoryAxis };

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (e) => clickRef.current?.(e));
    chart.getZr().on('click', (e) => {
      const { onCategoryClick: handler, categoryAxis: axis } = categoryRef.current;
      if (!handler || !chart.containPixel('grid', [e.offsetX, e.offsetY])) return;
      // [x value, y value] on grid 0; a category axis gives the category's index.
      const v: unknown = chart.convertFromPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY]);
      const index = Array.isArray(v) ? Math.round(Number(v[axis === 'y' ? 1 : 0])) : NaN;
      if (Number.isInteger(index) && index >= 0) handler(index);
    });
    chart.getZr().on('mousemove', (e) => {
      if (!categoryRef.current.onCategoryClick) return;
      el.style.cursor = chart.containPixel('grid', [e.offsetX, e.offsetY]) ? 'pointer' : 'default';
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} data-testid={testId} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
