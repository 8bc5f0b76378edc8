import { FindingsTable } from '../../components/FindingsTable';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { useUser } from '../../lib/auth';
import { useMeta } from '../../lib/meta';
import { findingsFilterToParams, parseFindingsFilter } from '../../lib/query';
import { useUrlFilter } from '../../lib/urlFilter';
import { FindingsFilters } from './FindingsFilters';

/** 疑点: filters, sort and page live in the URL, so links, reloads and the back button keep them. */
export default function FindingsPage() {
  const { t } = useI18n();
  const user = useUser();
  const { meta } = useMeta();
  const { filter, go } = useUrlFilter(parseFindingsFilter, findingsFilterToParams);

  return (
    <div data-testid="findings-page">
      <PageHeader title={t('findings.title')} />
      <FindingsFilters
        filter={filter}
        meta={meta}
        username={user.username}
        showMine={user.role !== 'institution'}
        fixedInstitution={user.role === 'institution'}
        onApply={go}
      />
      <FindingsTable filter={filter} onChange={go} />
    </div>
  );
}
