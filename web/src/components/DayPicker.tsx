import type { CSSProperties } from 'react';
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

const FORMATS = { date: 'YYYY-MM-DD', month: 'YYYY-MM' } as const;

/**
 * A date (YYYY-MM-DD) or month (YYYY-MM) picker whose value is the text the API takes, so forms and URLs hold
 * strings, not dayjs objects.
 */
export function DayPicker({
  value,
  onChange,
  picker = 'date',
  testId,
  placeholder,
  allowClear = true,
  disabledAfter,
  style,
}: {
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  picker?: 'date' | 'month';
  testId: string;
  placeholder?: string;
  allowClear?: boolean;
  /** Days after this one (YYYY-MM-DD) cannot be picked (a payment is not in the future). */
  disabledAfter?: string;
  style?: CSSProperties;
}) {
  const format = FORMATS[picker];
  return (
    <DatePicker
      picker={picker}
      format={format}
      value={value ? dayjs(value, format) : null}
      onChange={(d) => onChange?.(d ? d.format(format) : undefined)}
      allowClear={allowClear}
      placeholder={placeholder}
      disabledDate={disabledAfter ? (d) => d.format('YYYY-MM-DD') > disabledAfter : undefined}
      data-testid={testId}
      style={{ width: '100%', ...style }}
    />
  );
}
