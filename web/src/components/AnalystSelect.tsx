import { Select } from 'antd';
import { api } from '../api/endpoints';
import { useAsync } from '../hooks/useAsync';
import { useI18n } from '../i18n';
import { errorMessage } from './ApiErrorResult';

/** The analysts (GET /users?role=analyst), to assign a finding or a case to. */
export function AnalystSelect({
  value,
  onChange,
  testId,
  allowClear,
  placeholder,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  testId: string;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const { data, loading, error } = useAsync((signal) => api.users({ role: 'analyst', pageSize: 200 }, signal), []);
  return (
    <Select
      value={value}
      onChange={onChange}
      loading={loading}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder ?? t('detail.chooseAnalyst')}
      data-testid={testId}
      status={error ? 'error' : undefined}
      notFoundContent={error ? errorMessage(error) : undefined}
      options={(data?.items ?? []).map((u) => ({ value: u.username, label: `${u.displayName} (${u.username}) · ${u.scopeLabel}` }))}
    />
  );
}
