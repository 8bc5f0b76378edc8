import type { ReactNode } from 'react';
import { Card, Input, Select, Space } from 'antd';
import type { SelectProps } from 'antd';
import { INSTITUTION_KINDS } from '../api/types';
import { useI18n } from '../i18n';

/** A short list's filters in a row above it, each applied at once (the ledgers with many filters use FilterCard). */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Card size="small" className="fg-section">
      <Space wrap>{children}</Space>
    </Card>
  );
}

/** A select of a filter bar, cleared for "all"; its label is its placeholder and its accessible name. */
export function BarSelect<V>({ label, testId, ...props }: SelectProps<V> & { label: string; testId?: string }) {
  return <Select<V> allowClear placeholder={label} aria-label={label} data-testid={testId} {...props} />;
}

/** The kind of institution (综合医院, 药店, …) of a filter bar. */
export function KindSelect({
  value,
  onChange,
  testId,
}: {
  value: string | undefined;
  onChange: (kind: string | undefined) => void;
  testId: string;
}) {
  const { t, label } = useI18n();
  return (
    <BarSelect<string>
      label={t('institutions.kind')}
      style={{ width: 180 }}
      value={value}
      options={INSTITUTION_KINDS.map((k) => ({ value: k, label: label('instKind', k) }))}
      onChange={onChange}
      testId={testId}
    />
  );
}

/** A text filter of a filter bar: applied on Enter or the search button, trimmed, empty for none; it shows the URL's value. */
export function BarSearch({
  value,
  label,
  onSearch,
  testId,
  width,
  maxLength,
  enterButton,
}: {
  value: string | undefined;
  label: string;
  onSearch: (v: string | undefined) => void;
  testId?: string;
  width: number;
  maxLength?: number;
  enterButton?: ReactNode;
}) {
  return (
    <Input.Search
      key={value ?? ''}
      defaultValue={value}
      allowClear
      placeholder={label}
      aria-label={label}
      style={{ width }}
      maxLength={maxLength}
      enterButton={enterButton}
      onSearch={(v) => onSearch(v.trim() || undefined)}
      data-testid={testId}
    />
  );
}
