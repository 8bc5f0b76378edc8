import { api } from '../../api/endpoints';
import { Loaded } from '../../components/ApiErrorResult';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { useMeta } from '../../lib/meta';
import { casesFilterToParams, parseCasesFilter } from '../../lib/query';
import { useUrlLedger } from '../../lib/urlFilter';
import { CasesFilters } from './CasesFilters';
import { CasesTable } from './CasesTable';

/** 案件台账: the cases in the scope, filtered in the URL (status, region, grid, handler, overdue). */
export default function CasesPage() {
  const { t } = useI18n();
  const { meta } = useMeta();
  const { filter, go, list, paging } = useUrlLedger(parseCasesFilter, casesFilterToParams, api.cases);

  return (
    <div data-testid="cases-page">
      <PageHeader title={t('cases.pageTitle')} sub={t('cases.sub')} />
      <CasesFilters filter={filter} meta={meta} onApply={go} />
      <Loaded state={list}>
        <CasesTable {...paging} />
      </Loaded>
    </div>
  );
}
