import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { api } from '../../api/endpoints';
import { HANDLER_ROLES, type Clue } from '../../api/types';
import { Loaded } from '../../components/ApiErrorResult';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { hasRole, useUser } from '../../lib/auth';
import { useMeta } from '../../lib/meta';
import { cluesFilterToParams, parseCluesFilter } from '../../lib/query';
import { useNavigate } from '../../lib/router';
import { useUrlLedger } from '../../lib/urlFilter';
import { ClueDrawer } from './ClueDrawer';
import { CluesFilters } from './CluesFilters';
import { CluesTable } from './CluesTable';
import { DismissModal } from './DismissModal';
import { NewClueModal } from './NewClueModal';
import { OpenCaseModal } from './OpenCaseModal';

/** The selected clues and what may be done with them: 立案 on open clues of one institution. */
function SelectionBar({ selected, onOpenCase, onClear }: { selected: Clue[]; onOpenCase: () => void; onClear: () => void }) {
  const { t, fmt } = useI18n();
  const first = selected[0];
  return (
    <Alert
      className="fg-section"
      type="info"
      showIcon
      data-testid="clue-selection"
      title={
        first ? (
          <Space wrap>
            <span>{t('clues.selection', { n: fmt.count(selected.length), inst: first.institutionName ?? first.fixmedinsCode })}</span>
            <Money value={selected.reduce((a, c) => a + c.amount, 0)} strong />
          </Space>
        ) : (
          t('clues.selectionHint')
        )
      }
      action={
        <Space>
          <Button type="primary" disabled={!selected.length} onClick={onOpenCase} data-testid="open-case">
            {t('clues.openCase')}
          </Button>
          {selected.length ? <Button onClick={onClear}>{t('clues.clearSelection')}</Button> : null}
        </Space>
      }
    />
  );
}

/** 线索台账: every clue in the scope, filtered in the URL; handlers enter clues, open cases on them (立案) or set them aside (不予立案). */
export default function CluesPage() {
  const { t } = useI18n();
  const user = useUser();
  const { meta } = useMeta();
  const navigate = useNavigate();
  const { filter, go, list, paging } = useUrlLedger(parseCluesFilter, cluesFilterToParams, api.clues);
  const canHandle = hasRole(user, ...HANDLER_ROLES);

  const [selected, setSelected] = useState<Clue[]>([]);
  const [creating, setCreating] = useState(false);
  const [opening, setOpening] = useState<Clue[] | null>(null);
  const [dismissing, setDismissing] = useState<Clue | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  return (
    <div data-testid="clues-page">
      <PageHeader
        title={t('clues.title')}
        sub={t('clues.sub')}
        extra={
          canHandle ? (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="clue-new">
              {t('clues.new')}
            </Button>
          ) : null
        }
      />
      <CluesFilters
        filter={filter}
        meta={meta}
        onApply={(f) => {
          setSelected([]);
          go(f);
        }}
      />
      {canHandle ? <SelectionBar selected={selected} onOpenCase={() => setOpening(selected)} onClear={() => setSelected([])} /> : null}
      <Loaded state={list}>
        <CluesTable
          {...paging}
          canHandle={canHandle}
          selected={selected}
          onSelect={setSelected}
          onView={(c) => setViewing(c.id)}
          onDismiss={setDismissing}
        />
      </Loaded>
      <NewClueModal open={creating} onClose={() => setCreating(false)} onCreated={() => list.reload()} />
      <OpenCaseModal clues={opening} onClose={() => setOpening(null)} onOpened={(d) => navigate(`/cases/${d.case.id}`)} />
      <DismissModal
        clue={dismissing}
        onClose={() => setDismissing(null)}
        onDone={() => {
          setDismissing(null);
          setSelected([]);
          list.reload();
        }}
      />
      <ClueDrawer id={viewing} canUpload={canHandle} onClose={() => setViewing(null)} />
    </div>
  );
}
