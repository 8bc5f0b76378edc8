import { useMemo } from 'react';
import { api } from '../../api/endpoints';
import type { CasesFilter } from '../../api/types';
import { ApiErrorResult } from '../../components/ApiErrorResult';
import { PageHeader } from '../../components/PageHeader';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../i18n';
import { useMeta } from '../../lib/meta';
import { casesFilterToParams, parseCasesFilter } from '../../lib/query';
import { useSearchParams } from '../../lib/router';
import { CasesFilters } from './CasesFilters';
import { CasesTable } from './CasesTable';

/** 案件台账: the cases in the scope, filtered in the URL (status, region, grid, handler, overdue). */
export default function CasesPage() {
  const { t } = useI18n();
  const { meta } = useMeta();
  const [sp, setSp] = useSearchParams();
  const search = sp.toString();
  const filter = useMemo(() => parseCasesFilter(new URLSearchParams(search)), [search]);
  const go = (f: CasesFilter) => setSp(casesFilterToParams(f));
  const list = useAsync((signal) => api.cases(filter, signal), [search]);

  return (
    <div data-testid="cases-page">
      <PageHeader title={t('cases.pageTitle')} sub={t('cases.sub')} />
      <CasesFilters filter={filter} meta={meta} onApply={go} />
      {list.error && !list.data ? (
        <ApiErrorResult error={list.error} onRetry={list.reload} />
      ) : (
        <CasesTable filter={filter} data={list.data} loading={list.loading} onChange={go} />
      )}
    </div>
  );
}
