import { CASE_STATUSES, type CasesFilter } from '../../api/types';
import { AnalystSelect } from '../../components/AnalystSelect';
import { FilterCard, FilterSelect, gridField, institutionField, regionField, type FiltersProps } from '../../components/FilterCard';
import { useI18n } from '../../i18n';

type Values = Omit<CasesFilter, 'page' | 'pageSize'>;

/** The case ledger's filters: status, institution, region, grid, handler, overdue. */
export function CasesFilters({ filter, meta, onApply }: FiltersProps<CasesFilter>) {
  const { t } = useI18n();
  const { page: _page, pageSize, ...rest } = filter;
  const values: Values = { ...rest, institution: filter.institution ?? '' };
  const statuses = CASE_STATUSES.map((s) => ({ value: s, label: t(`caseStatus.${s}`) }));
  const overdue = [
    { value: 'true', label: t('cases.overdue') },
    { value: 'false', label: t('cases.notOverdue') },
  ];
  return (
    <FilterCard<Values>
      values={values}
      typed={['institution']}
      testId="cases-filters"
      onApply={(v) => onApply({ ...v, institution: v.institution?.trim() || undefined, pageSize })}
      onReset={() => onApply({ pageSize })}
      span={[12, 8, 4]}
      fields={[
        { name: 'status', label: t('cases.status'), input: <FilterSelect testId="filter-case-status" options={statuses} /> },
        institutionField(t),
        regionField(t, meta),
        gridField(t, meta),
        {
          name: 'handler',
          label: t('cases.handler'),
          input: <AnalystSelect testId="filter-handler" allowClear placeholder={t('common.all')} />,
        },
        { name: 'overdue', label: t('cases.overdueFilter'), input: <FilterSelect testId="filter-overdue" options={overdue} /> },
      ]}
    />
  );
}
