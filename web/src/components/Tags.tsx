import { Tag } from 'antd';
import type { FindingStatus, Role, WarningLevel } from '../api/types';
import { useI18n } from '../i18n';

const STATUS_COLORS: Record<FindingStatus, string> = {
  open: 'orange',
  assigned: 'blue',
  confirmed: 'red',
  dismissed: 'default',
  responded: 'purple',
};

export function StatusTag({ status }: { status: FindingStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}

export function LevelTag({ level }: { level: string }) {
  const { label } = useI18n();
  return (
    <Tag color={level === 'definite' ? 'red' : 'gold'} data-level={level}>
      {label('level', level)}
    </Tag>
  );
}

export function RoleTag({ role }: { role: Role }) {
  const { t } = useI18n();
  const color: Record<Role, string> = { admin: 'magenta', analyst: 'blue', reviewer: 'cyan', institution: 'green' };
  return <Tag color={color[role]}>{t(`role.${role}`)}</Tag>;
}

export function AgreementTag({ status }: { status: string | null }) {
  const { label } = useI18n();
  if (!status) return null;
  const color = status === 'normal' ? 'green' : status === 'suspended' ? 'orange' : status === 'terminated' ? 'red' : 'default';
  return <Tag color={color}>{label('agreement', status)}</Tag>;
}

const WARNING_TAG_COLORS: Record<WarningLevel, string> = { yellow: 'gold', orange: 'orange', red: 'red' };

/** A warning level (黄/橙/红); null reads as "within peers". */
export function WarningLevelTag({ level }: { level: WarningLevel | null }) {
  const { t } = useI18n();
  if (!level) return <Tag data-level="none">{t('warningLevel.none')}</Tag>;
  return (
    <Tag color={WARNING_TAG_COLORS[level] ?? 'default'} data-level={level}>
      {t(`warningLevel.${level}`)}
    </Tag>
  );
}
