import { CLUE_SOURCES, CLUE_STATUSES, type CluesFilter } from '../../api/types';
import { FilterCard, FilterSelect, institutionField, regionField, type FiltersProps } from '../../components/FilterCard';
import { useI18n } from '../../i18n';

type Values = Omit<CluesFilter, 'page' | 'pageSize'>;

/** The clue ledger's filters: status, source, institution code, region. */
export function CluesFilters({ filter, meta, onApply }: FiltersProps<CluesFilter>) {
  const { t } = useI18n();
  const values: Values = { status: filter.status, source: filter.source, institution: filter.institution ?? '', admdvs: filter.admdvs };
  const statuses = CLUE_STATUSES.map((s) => ({ value: s, label: t(`clueStatus.${s}`) }));
  const sources = CLUE_SOURCES.map((s) => ({ value: s, label: t(`clues.source.${s}`) }));
  return (
    <FilterCard<Values>
      values={values}
      typed={['institution']}
      testId="clues-filters"
      onApply={(v) => onApply({ ...v, institution: v.institution?.trim() || undefined, pageSize: filter.pageSize })}
      onReset={() => onApply({ pageSize: filter.pageSize })}
      fields={[
        { name: 'status', label: t('clues.status'), input: <FilterSelect testId="filter-clue-status" options={statuses} /> },
        { name: 'source', label: t('clues.source'), input: <FilterSelect testId="filter-clue-source" options={sources} /> },
        institutionField(t),
        regionField(t, meta),
      ]}
    />
  );
}
