import { Col, Form, Input, Select } from 'antd';
import { CLUE_SOURCES, CLUE_STATUSES, type CluesFilter, type Meta } from '../../api/types';
import { FilterCard, regionOptions } from '../../components/FilterCard';
import { useI18n } from '../../i18n';

type Values = Omit<CluesFilter, 'page' | 'pageSize'>;

/** The clue ledger's filters: status, source, institution code, region. */
export function CluesFilters({
  filter,
  meta,
  onApply,
}: {
  filter: CluesFilter;
  meta: Meta | undefined;
  onApply: (f: CluesFilter) => void;
}) {
  const { t } = useI18n();
  const values: Values = { status: filter.status, source: filter.source, institution: filter.institution ?? '', admdvs: filter.admdvs };
  return (
    <FilterCard<Values>
      values={values}
      typed={['institution']}
      testId="clues-filters"
      onApply={(v) => onApply({ ...v, institution: v.institution?.trim() || undefined, pageSize: filter.pageSize })}
      onReset={() => onApply({ pageSize: filter.pageSize })}
    >
      {() => (
        <>
          <Col xs={12} md={6} xl={4}>
            <Form.Item label={t('clues.status')} name="status">
              <Select
                allowClear
                placeholder={t('common.all')}
                data-testid="filter-clue-status"
                options={CLUE_STATUSES.map((s) => ({ value: s, label: t(`clueStatus.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item label={t('clues.source')} name="source">
              <Select
                allowClear
                placeholder={t('common.all')}
                data-testid="filter-clue-source"
                options={CLUE_SOURCES.map((s) => ({ value: s, label: t(`clues.source.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item label={t('findings.filter.institution')} name="institution">
              <Input allowClear maxLength={32} data-testid="filter-institution" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
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
        </>
      )}
    </FilterCard>
  );
}
