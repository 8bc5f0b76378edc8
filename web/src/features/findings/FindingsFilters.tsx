import { Checkbox, DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { FindingsFilter, FindingLevel } from '../../api/types';
import { FINDING_STATUSES } from '../../api/types';
import { FilterCard, FilterSelect, gridField, institutionField, regionField } from '../../components/FilterCard';
import type { FilterField, FiltersProps } from '../../components/FilterCard';
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

export interface FindingsFiltersProps extends FiltersProps<FindingsFilter> {
  username: string;
  /** Offer "assigned to me" (supervisors, not institutions). */
  showMine: boolean;
  /** Hide the institution field (the profile page fixes it). */
  fixedInstitution?: boolean;
}

/** The findings filters; every value goes to the server as a query parameter. */
export function FindingsFilters({ filter, meta, username, showMine, fixedInstitution, onApply }: FindingsFiltersProps) {
  const { t, ruleName, label } = useI18n();
  const codes = (meta?.rules ?? []).map((r) => ({ value: r.code, label: `${r.code} ${ruleName(r)}` }));
  const statuses = (meta?.statuses?.length ? meta.statuses : [...FINDING_STATUSES]).map((s) => ({
    value: s,
    label: label('status', s),
  }));
  const levels = (['definite', 'suspect'] as const).map((l) => ({ value: l, label: t(`level.${l}`) }));
  const fields: FilterField[] = [
    {
      name: 'code',
      label: t('findings.filter.code'),
      span: [24, 12, 8],
      input: <FilterSelect testId="filter-code" many search options={codes} />,
    },
    { name: 'level', label: t('findings.filter.level'), input: <FilterSelect testId="filter-level" options={levels} /> },
    {
      name: 'status',
      label: t('findings.filter.status'),
      span: [12, 6, 6],
      input: <FilterSelect testId="filter-status" many options={statuses} />,
    },
    ...(fixedInstitution ? [] : [institutionField(t, [12, 6, 6])]),
    regionField(t, meta, [12, 6, 5]),
    gridField(t, meta),
    {
      name: 'range',
      label: t('findings.filter.dateRange'),
      span: [24, 12, 7],
      input: <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} data-testid="filter-dates" />,
    },
    {
      name: 'minAmount',
      label: t('findings.filter.minAmount'),
      input: <InputNumber min={0} step={100} style={{ width: '100%' }} data-testid="filter-min-amount" />,
    },
    {
      name: 'q',
      label: t('findings.filter.q'),
      span: [24, 12, 8],
      input: <Input allowClear placeholder={t('findings.filter.qPlaceholder')} data-testid="filter-q" maxLength={64} />,
    },
  ];

  return (
    <FilterCard<FilterValues>
      values={toValues(filter, username)}
      typed={TYPED}
      testId="findings-filters"
      fields={fields}
      onApply={(v) => onApply(toFilter(v, filter, username))}
      onReset={() =>
        onApply({ sort: filter.sort, pageSize: filter.pageSize, institution: fixedInstitution ? filter.institution : undefined })
      }
      extra={
        showMine ? (
          <Form.Item name="mine" valuePropName="checked" noStyle>
            <Checkbox data-testid="filter-mine">{t('findings.filter.mine')}</Checkbox>
          </Form.Item>
        ) : null
      }
    />
  );
}
