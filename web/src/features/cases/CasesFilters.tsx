import { Col, Form, Input, Select } from 'antd';
import { CASE_STATUSES, type CasesFilter, type Meta } from '../../api/types';
import { AnalystSelect } from '../../components/AnalystSelect';
import { FilterCard, gridOptions, regionOptions } from '../../components/FilterCard';
import { useI18n } from '../../i18n';

type Values = Omit<CasesFilter, 'page' | 'pageSize'>;

/** The case ledger's filters: status, institution, region, grid, handler, overdue. */
export function CasesFilters({
  filter,
  meta,
  onApply,
}: {
  filter: CasesFilter;
  meta: Meta | undefined;
  onApply: (f: CasesFilter) => void;
}) {
  const { t } = useI18n();
  const { page: _page, pageSize, ...rest } = filter;
  const values: Values = { ...rest, institution: filter.institution ?? '' };
  return (
    <FilterCard<Values>
      values={values}
      typed={['institution']}
      testId="cases-filters"
      onApply={(v) => onApply({ ...v, institution: v.institution?.trim() || undefined, pageSize })}
      onReset={() => onApply({ pageSize })}
      onChanged={(changed, form) => {
        if ('admdvs' in changed) form.setFieldValue('grid', undefined);
      }}
    >
      {(form) => (
        <>
          <Col xs={12} md={8} xl={4}>
            <Form.Item label={t('cases.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                data-testid="filter-case-status"
                options={CASE_STATUSES.map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Form.Item label={t('findings.filter.institution')} name="institution">
              <Input allowClear maxLength={32} data-testid="filter-institution" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Form.Item label={t('findings.filter.region')} name="admdvs">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={regionOptions(meta)}
                placeholder={t('common.all')}
                data-testid="filter-region"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Form.Item label={t('findings.filter.grid')} name="grid">
              <Select
                allowClear
                showSearch
                options={gridOptions(meta, form.getFieldValue('admdvs') as string | undefined)}
                placeholder={t('common.all')}
                data-testid="filter-grid"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Form.Item label={t('cases.handler')} name="handler">
              <AnalystSelect testId="filter-handler" allowClear placeholder={t('common.all')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Form.Item label={t('cases.overdueFilter')} name="overdue">
              <Select
                allowClear
                placeholder={t('common.all')}
                data-testid="filter-overdue"
                options={[
                  { value: 'true', label: t('cases.overdue') },
                  { value: 'false', label: t('cases.notOverdue') },
                ]}
              />
            </Form.Item>
          </Col>
        </>
      )}
    </FilterCard>
  );
}
