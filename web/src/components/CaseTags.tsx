import { Tag } from 'antd';
import type { AppealStatus, CaseDecisionStatus, CaseStatus, ClueSource, ClueStatus } from '../api/types';
import { useI18n, type MessageKey } from '../i18n';

const CLUE_COLORS: Record<ClueStatus, string> = { open: 'orange', in_case: 'blue', dismissed: 'default' };
const CASE_COLORS: Record<CaseStatus, string> = {
  investigating: 'blue',
  reviewing: 'gold',
  decided: 'purple',
  appealed: 'orange',
  closed: 'green',
};
const DECISION_COLORS: Record<CaseDecisionStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  returned: 'orange',
  approved: 'green',
  superseded: 'default',
  revoked: 'red',
};
const APPEAL_COLORS: Record<AppealStatus, string> = { pending: 'orange', upheld: 'blue', amended: 'purple', revoked: 'green' };

function StatusTag({ group, status, color }: { group: string; status: string; color: string }) {
  const { t } = useI18n();
  return (
    <Tag color={color} data-status={status}>
      {t(`${group}.${status}` as MessageKey)}
    </Tag>
  );
}

export function ClueStatusTag({ status }: { status: ClueStatus }) {
  return <StatusTag group="clueStatus" status={status} color={CLUE_COLORS[status]} />;
}

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return <StatusTag group="caseStatus" status={status} color={CASE_COLORS[status]} />;
}

export function DecisionStatusTag({ status }: { status: CaseDecisionStatus }) {
  return <StatusTag group="decisionStatus" status={status} color={DECISION_COLORS[status]} />;
}

export function AppealStatusTag({ status }: { status: AppealStatus }) {
  return <StatusTag group="appealStatus" status={status} color={APPEAL_COLORS[status]} />;
}

export function ClueSourceTag({ source }: { source: ClueSource }) {
  const { t } = useI18n();
  return (
    <Tag color={source === 'finding' || source === 'warning' ? 'geekblue' : 'cyan'} data-source={source}>
      {t(`clues.source.${source}`)}
    </Tag>
  );
}

/** 逾期: an open case past its deadline. */
export function OverdueTag() {
  const { t } = useI18n();
  return (
    <Tag color="red" data-testid="overdue">
      {t('cases.overdue')}
    </Tag>
  );
}
