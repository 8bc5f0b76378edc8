import { WARNING_BASES, WARNING_LEVELS, type WarningsFilter } from '../../api/types';
import { FilterCard, FilterSelect, gridField, institutionField, regionField } from '../../components/FilterCard';
import type { FilterField, FiltersProps } from '../../components/FilterCard';
import { indicatorOptions } from '../../components/IndicatorTrend';
import { useI18n } from '../../i18n';

/** The form's fields: the filter less what the form does not set. */
type FilterValues = Omit<WarningsFilter, 'month' | 'sort' | 'page' | 'pageSize'>;

function toValues(f: WarningsFilter): FilterValues {
  return {
    level: f.level ?? [],
    indicator: f.indicator ?? [],
    basis: f.basis,
    institution: f.institution ?? '',
    admdvs: f.admdvs,
    grid: f.grid,
  };
}

export interface WarningsFiltersProps extends FiltersProps<WarningsFilter> {
  /** Hide the institution, region and grid fields (an institution user sees only its own warnings). */
  fixedInstitution: boolean;
}

/** The warning board's filters; selects apply at once, the institution code on Enter or the search button. */
export function WarningsFilters({ filter, meta, fixedInstitution, onApply }: WarningsFiltersProps) {
  const { t } = useI18n();
  const kept = { month: filter.month, sort: filter.sort, pageSize: filter.pageSize };
  const levels = [...WARNING_LEVELS].reverse().map((l) => ({ value: l, label: t(`warningLevel.${l}`) }));
  const bases = WARNING_BASES.map((b) => ({ value: b, label: t(`basis.${b}`) }));
  const fields: FilterField[] = [
    {
      name: 'level',
      label: t('warnings.filter.level'),
      span: [24, 12, 5],
      input: <FilterSelect testId="filter-warning-level" many options={levels} />,
    },
    {
      name: 'indicator',
      label: t('warnings.filter.indicator'),
      span: [24, 12, 7],
      input: <FilterSelect testId="filter-indicator" many search options={indicatorOptions(t)} />,
    },
    { name: 'basis', label: t('warnings.filter.basis'), span: [12, 6, 3], input: <FilterSelect testId="filter-basis" options={bases} /> },
    ...(fixedInstitution ? [] : [institutionField(t), regionField(t, meta), gridField(t, meta)]),
  ];
  return (
    <FilterCard<FilterValues>
      values={toValues(filter)}
      typed={['institution']}
      testId="warnings-filters"
      fields={fields}
      span={[12, 6, 3]}
      onApply={(v) =>
        onApply({
          ...kept,
          level: v.level?.length ? v.level : undefined,
          indicator: v.indicator?.length ? v.indicator : undefined,
          basis: v.basis,
          institution: fixedInstitution ? undefined : v.institution?.trim() || undefined,
          admdvs: fixedInstitution ? undefined : v.admdvs,
          grid: fixedInstitution ? undefined : v.grid,
        })
      }
      onReset={() => onApply(kept)}
    />
  );
}
