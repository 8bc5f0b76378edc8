import { useEffect, type ReactNode } from 'react';
import { Button, Card, Form, Row, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { Meta } from '../api/types';
import { useI18n } from '../i18n';

/** The regions of the caller's scope as select options: 西湖区 (330106). */
export function regionOptions(meta: Meta | undefined): Array<{ value: string; label: string }> {
  return (meta?.regions ?? []).map((r) => ({ value: r.admdvs, label: `${r.name} (${r.admdvs})` }));
}

/** The supervision grids, inside a region when one is chosen. */
export function gridOptions(meta: Meta | undefined, region: string | undefined): Array<{ value: string; label: string }> {
  return (meta?.grids ?? []).filter((g) => !region || g.admdvs.startsWith(region)).map((g) => ({ value: g.gridId, label: g.gridId }));
}

/**
 * A list's filters in a card: the form follows the URL's filter (`values`); a select applies at once, text
 * fields (named in `typed`) on Enter or the search button; reset clears everything.
 */
export function FilterCard<V extends object>({
  values,
  typed,
  onApply,
  onReset,
  testId,
  children,
  onChanged,
}: {
  values: V;
  typed: Array<keyof V>;
  onApply: (v: V) => void;
  onReset: () => void;
  testId: string;
  /** The form's fields, as columns of one row; given the form to watch or clear fields. */
  children: (form: FormInstance<V>) => ReactNode;
  /** Called with each change before it applies (clear a grid when the region changes). */
  onChanged?: (changed: Partial<V>, form: FormInstance<V>) => void;
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
        onFinish={apply}
        onValuesChange={(changed: Partial<V>) => {
          onChanged?.(changed, form);
          if (!typed.some((k) => k in changed)) apply();
        }}
        data-testid={testId}
      >
        <Row gutter={12}>{children(form)}</Row>
        <Space wrap>
          <Button type="primary" htmlType="submit" data-testid="filter-submit">
            {t('common.search')}
          </Button>
          <Button onClick={onReset} data-testid="filter-reset">
            {t('common.reset')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
