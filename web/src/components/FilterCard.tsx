import { useEffect, type ReactNode } from 'react';
import { Button, Card, Form, Input, Select, Space } from 'antd';
import type { FormInstance, SelectProps } from 'antd';
import type { Meta } from '../api/types';
import { useI18n, type Translate } from '../i18n';
import { FieldRow, type Field, type FieldSpan } from './FieldRow';

/** The regions of the caller's scope as select options: 西湖区 (330106). */
export function regionOptions(meta: Meta | undefined): Array<{ value: string; label: string }> {
  return (meta?.regions ?? []).map((r) => ({ value: r.admdvs, label: `${r.name} (${r.admdvs})` }));
}

/** The supervision grids, inside a region when one is chosen. */
export function gridOptions(meta: Meta | undefined, region: string | undefined): Array<{ value: string; label: string }> {
  return (meta?.grids ?? []).filter((g) => !region || g.admdvs.startsWith(region)).map((g) => ({ value: g.gridId, label: g.gridId }));
}

/** What a ledger's filters get: the filter in the URL, the reference data for their options, and where a new filter goes. */
export interface FiltersProps<F> {
  filter: F;
  meta: Meta | undefined;
  onApply: (f: F) => void;
}

/** One filter: the form field (as the filter names it), its label, its input, and its width (the card's unless told). */
export type FilterField = Field;

/**
 * A select of a filter, cleared for "all", which it says while empty; `many` picks several (the tags that do not
 * fit fold into a count), `search` finds options by their label.
 */
export function FilterSelect({ testId, many, search, ...props }: SelectProps & { testId: string; many?: boolean; search?: boolean }) {
  const { t } = useI18n();
  return (
    <Select
      allowClear
      placeholder={t('common.all')}
      data-testid={testId}
      mode={many ? 'multiple' : undefined}
      maxTagCount={many ? 'responsive' : undefined}
      showSearch={search ? { optionFilterProp: 'label' } : undefined}
      {...props}
    />
  );
}

/** The grids of the region chosen in the same form (the form item's value and onChange pass through). */
function GridSelect({ meta, ...props }: SelectProps & { meta: Meta | undefined }) {
  const region = Form.useWatch<string | undefined>('admdvs');
  return <FilterSelect {...props} testId="filter-grid" search options={gridOptions(meta, region)} />;
}

/** The institution code, applied on Enter or the search button. */
export const institutionField = (t: Translate, span?: FieldSpan): FilterField => ({
  name: 'institution',
  label: t('findings.filter.institution'),
  span,
  input: <Input allowClear maxLength={32} data-testid="filter-institution" />,
});

/** The region (admdvs) among the scope's regions. */
export const regionField = (t: Translate, meta: Meta | undefined, span?: FieldSpan): FilterField => ({
  name: 'admdvs',
  label: t('findings.filter.region'),
  span,
  input: <FilterSelect testId="filter-region" search options={regionOptions(meta)} />,
});

/** The supervision grid, among those of the region chosen. */
export const gridField = (t: Translate, meta: Meta | undefined, span?: FieldSpan): FilterField => ({
  name: 'grid',
  label: t('findings.filter.grid'),
  span,
  input: <GridSelect meta={meta} />,
});

/**
 * A list's filters in a card: the form follows the URL's filter (`values`); a select applies at once, text
 * fields (named in `typed`) on Enter or the search button; a new region clears the grid; reset clears everything.
 */
export function FilterCard<V extends object>({
  values,
  typed,
  onApply,
  onReset,
  testId,
  fields,
  span = [12, 6, 4],
  extra,
}: {
  values: V;
  typed: Array<keyof V>;
  onApply: (v: V) => void;
  onReset: () => void;
  testId: string;
  /** The form's fields, as columns of one row. */
  fields: FilterField[];
  /** The width of a field that does not say. */
  span?: FieldSpan;
  /** After the buttons (a checkbox). */
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const key = JSON.stringify(values);
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const apply = () => onApply(form.getFieldsValue());
  return (
    <Card size="small" className="fg-section fg-filters">
      <Form<V>
        form={form}
        layout="vertical"
        name={testId}
        initialValues={values}
        onFinish={apply}
        onValuesChange={(changed: Partial<V>) => {
          if ('admdvs' in changed) (form as FormInstance).setFieldValue('grid', undefined);
          if (!typed.some((k) => k in changed)) apply();
        }}
        data-testid={testId}
      >
        <FieldRow fields={fields} span={span} />
        <Space wrap>
          <Button type="primary" htmlType="submit" data-testid="filter-submit">
            {t('common.search')}
          </Button>
          <Button onClick={onReset} data-testid="filter-reset">
            {t('common.reset')}
          </Button>
          {extra}
        </Space>
      </Form>
    </Card>
  );
}
