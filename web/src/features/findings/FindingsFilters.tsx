import { useEffect } from 'react';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { FindingsFilter, FindingLevel, Meta } from '../../api/types';
import { FINDING_STATUSES } from '../../api/types';
import { useI18n } from '../../i18n';

interface FilterValues {
  code?: string[];
  level?: FindingLevel;
  status?: string[];
  institution?: string;
  admdvs?: string;
  grid?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  minAmount?: number | null;
  q?: string;
  mine?: boolean;
}

// Typed fields apply on Enter or the search button; pickers and selects apply at once.
const TYPED: Array<keyof FilterValues> = ['institution', 'minAmount', 'q'];

function toValues(f: FindingsFilter, username: string): FilterValues {
  return {
    code: f.code ?? [],
    level: f.level,
    status: f.status ?? [],
    institution: f.institution ?? '',
    admdvs: f.admdvs,
    grid: f.grid,
    range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
    minAmount: f.minAmount ?? null,
    q: f.q ?? '',
    mine: !!f.assignee && f.assignee === username,
  };
}

function toFilter(v: FilterValues, keep: FindingsFilter, username: string): FindingsFilter {
  const trim = (s: string | undefined) => s?.trim() || undefined;
  return {
    code: v.code?.length ? v.code : undefined,
    level: v.level,
    status: v.status?.length ? v.status : undefined,
    institution: trim(v.institution),
    admdvs: v.admdvs,
    grid: v.grid,
    from: v.range?.[0]?.format('YYYY-MM-DD'),
    to: v.range?.[1]?.format('YYYY-MM-DD'),
    minAmount: typeof v.minAmount === 'number' ? v.minAmount : undefined,
    q: trim(v.q),
    assignee: v.mine ? username : keep.assignee && keep.assignee !== username ? keep.assignee : undefined,
    sort: keep.sort,
    pageSize: keep.pageSize,
  };
}

export interface FindingsFiltersProps {
  filter: FindingsFilter;
  meta: Meta | undefined;
  username: string;
  /** Offer "assigned to me" (supervisors, not institutions). */
  showMine: boolean;
  /** Hide the institution field (the profile page fixes it). */
  fixedInstitution?: boolean;
  onApply: (next: FindingsFilter) => void;
}

/** The findings filters; every value goes to the server as a query parameter. */
export function FindingsFilters({ filter, meta, username, showMine, fixedInstitution, onApply }: FindingsFiltersProps) {
  const { t, ruleName, label } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const region = Form.useWatch('admdvs', form);

  // Back/forward and links change the URL: show what it says.
  const key = JSON.stringify(filter);
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(filter, username));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, username]);

  const apply = () => onApply(toFilter(form.getFieldsValue(), filter, username));
  const reset = () =>
    onApply({ sort: filter.sort, pageSize: filter.pageSize, institution: fixedInstitution ? filter.institution : undefined });

  const codeOptions = (meta?.rules ?? []).map((r) => ({ value: r.code, label: `${r.code} ${ruleName(r)}` }));
  const statusOptions = (meta?.statuses?.length ? meta.statuses : [...FINDING_STATUSES]).map((s) => ({
    value: s,
    label: label('status', s),
  }));
  const regionOptions = (meta?.regions ?? []).map((r) => ({ value: r.admdvs, label: `${r.name} (${r.admdvs})` }));
  const gridOptions = (meta?.grids ?? [])
    .filter((g) => !region || g.admdvs.startsWith(region))
    .map((g) => ({ value: g.gridId, label: g.gridId }));

  return (
    <Card size="small" className="fg-section fg-filters">
      <Form<FilterValues>
        form={form}
        layout="vertical"
        name="findings-filters"
        initialValues={toValues(filter, username)}
        onFinish={apply}
        onValuesChange={(changed: Partial<FilterValues>) => {
          if ('admdvs' in changed) form.setFieldValue('grid', undefined);
          if (!(Object.keys(changed) as Array<keyof FilterValues>).some((k) => TYPED.includes(k))) apply();
        }}
        data-testid="findings-filters"
      >
        <Row gutter={12}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label={t('findings.filter.code')} name="code">
              <Select
                mode="multiple"
                allowClear
                options={codeOptions}
                showSearch={{ optionFilterProp: 'label' }}
                maxTagCount="responsive"
                data-testid="filter-code"
                placeholder={t('common.all')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item label={t('findings.filter.level')} name="level">
              <Select
                allowClear
                options={[
                  { value: 'definite', label: t('level.definite') },
                  { value: 'suspect', label: t('level.suspect') },
                ]}
                data-testid="filter-level"
                placeholder={t('common.all')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={6}>
            <Form.Item label={t('findings.filter.status')} name="status">
              <Select
                mode="multiple"
                allowClear
                options={statusOptions}
                maxTagCount="responsive"
                data-testid="filter-status"
                placeholder={t('common.all')}
              />
            </Form.Item>
          </Col>
          {fixedInstitution ? null : (
            <Col xs={12} md={6} xl={6}>
              <Form.Item label={t('findings.filter.institution')} name="institution">
                <Input allowClear onPressEnter={apply} data-testid="filter-institution" maxLength={32} />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={6} xl={5}>
            <Form.Item label={t('findings.filter.region')} name="admdvs">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={regionOptions}
                data-testid="filter-region"
                placeholder={t('common.all')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item label={t('findings.filter.grid')} name="grid">
              <Select allowClear showSearch options={gridOptions} data-testid="filter-grid" placeholder={t('common.all')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={7}>
            <Form.Item label={t('findings.filter.dateRange')} name="range">
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} data-testid="filter-dates" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item label={t('findings.filter.minAmount')} name="minAmount">
              <InputNumber min={0} step={100} style={{ width: '100%' }} onPressEnter={apply} data-testid="filter-min-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item label={t('findings.filter.q')} name="q">
              <Input
                allowClear
                placeholder={t('findings.filter.qPlaceholder')}
                onPressEnter={apply}
                data-testid="filter-q"
                maxLength={64}
              />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Button type="primary" htmlType="submit" data-testid="filter-submit">
            {t('common.search')}
          </Button>
          <Button onClick={reset} data-testid="filter-reset">
            {t('common.reset')}
          </Button>
          {showMine ? (
            <Form.Item name="mine" valuePropName="checked" noStyle>
              <Checkbox data-testid="filter-mine">{t('findings.filter.mine')}</Checkbox>
            </Form.Item>
          ) : null}
        </Space>
      </Form>
    </Card>
  );
}
