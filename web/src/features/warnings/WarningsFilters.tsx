import { Col, Form, Input, Select } from 'antd';
import { WARNING_LEVELS, type Meta, type WarningsFilter } from '../../api/types';
import { FilterCard, gridOptions, regionOptions } from '../../components/FilterCard';
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

export interface WarningsFiltersProps {
  filter: WarningsFilter;
  meta: Meta | undefined;
  /** Hide the institution, region and grid fields (an institution user sees only its own warnings). */
  fixedInstitution: boolean;
  onApply: (next: WarningsFilter) => void;
}

/** The warning board's filters; selects apply at once, the institution code on Enter or the search button. */
export function WarningsFilters({ filter, meta, fixedInstitution, onApply }: WarningsFiltersProps) {
  const { t } = useI18n();
  const kept = { month: filter.month, sort: filter.sort, pageSize: filter.pageSize };
  return (
    <FilterCard<FilterValues>
      values={toValues(filter)}
      typed={['institution']}
      testId="warnings-filters"
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
      onChanged={(changed, form) => {
        if ('admdvs' in changed) form.setFieldValue('grid', undefined);
      }}
    >
      {(form) => (
        <>
          <Col xs={24} md={12} xl={5}>
            <Form.Item label={t('warnings.filter.level')} name="level">
              <Select
                mode="multiple"
                allowClear
                options={[...WARNING_LEVELS].reverse().map((l) => ({ value: l, label: t(`warningLevel.${l}`) }))}
                data-testid="filter-warning-level"
                placeholder={t('common.all')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={7}>
            <Form.Item label={t('warnings.filter.indicator')} name="indicator">
              <Select
                mode="multiple"
                allowClear
                options={indicatorOptions(t)}
                showSearch={{ optionFilterProp: 'label' }}
                maxTagCount="responsive"
                data-testid="filter-indicator"
                placeholder={t('common.all')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={3}>
            <Form.Item label={t('warnings.filter.basis')} name="basis">
              <Select
                allowClear
                options={[
                  { value: 'threshold', label: t('basis.threshold') },
                  { value: 'history', label: t('basis.history') },
                  { value: 'peer', label: t('basis.peer') },
                ]}
                data-testid="filter-basis"
                placeholder={t('common.all')}
              />
            </Form.Item>
          </Col>
          {fixedInstitution ? null : (
            <>
              <Col xs={12} md={6} xl={3}>
                <Form.Item label={t('findings.filter.institution')} name="institution">
                  <Input allowClear data-testid="filter-institution" maxLength={32} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6} xl={3}>
                <Form.Item label={t('findings.filter.region')} name="admdvs">
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    options={regionOptions(meta)}
                    data-testid="filter-region"
                    placeholder={t('common.all')}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6} xl={3}>
                <Form.Item label={t('findings.filter.grid')} name="grid">
                  <Select
                    allowClear
                    showSearch
                    options={gridOptions(meta, form.getFieldValue('admdvs') as string | undefined)}
                    data-testid="filter-grid"
                    placeholder={t('common.all')}
                  />
                </Form.Item>
              </Col>
            </>
          )}
        </>
      )}
    </FilterCard>
  );
}
