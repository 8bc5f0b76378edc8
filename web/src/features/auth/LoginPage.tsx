import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { isApiError, type ApiError } from '../../api/client';
import { errorMessage } from '../../components/ApiErrorResult';
import { LangSwitch } from '../../components/LangSwitch';
import { useI18n, type Translate } from '../../i18n';
import { useAuth } from '../../lib/auth';
import { requiredText } from '../../lib/forms';
import { useLocation, useNavigate } from '../../lib/router';

interface LoginValues {
  username: string;
  password: string;
}

/** Seconds to wait after a 429: Retry-After, else a numeric detail or the first number of seconds in the message. */
function retrySeconds(e: ApiError): number | null {
  if (e.retryAfter !== null) return e.retryAfter;
  for (const d of e.details) {
    if (/retry|wait|after|seconds/i.test(d.path) && /^\d+$/.test(d.message.trim())) return Number(d.message.trim());
  }
  const m = /(\d+)\s*(s\b|sec|second|秒)/i.exec(e.message);
  if (m) return Number(m[1]);
  const mm = /(\d+)\s*(min|minute|分钟)/i.exec(e.message);
  if (mm) return Number(mm[1]) * 60;
  return null;
}

function describe(e: unknown, t: Translate): string {
  if (isApiError(e)) {
    if (e.status === 401) return t('login.wrong');
    if (e.status === 429) {
      const s = retrySeconds(e);
      if (s === null) return t('login.tooManyNoTime');
      const time = s >= 120 ? t('login.minutes', { n: Math.ceil(s / 60) }) : t('login.seconds', { n: s });
      return t('login.tooMany', { time });
    }
    if (e.code === 'network') return t('common.networkError');
  }
  return errorMessage(e);
}

/** Only paths inside the workbench are followed after login. */
function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t } = useI18n();
  const { login, state } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username.trim(), v.password);
      navigate(safeNext(location.search), { replace: true });
    } catch (e) {
      setError(describe(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fg-login">
      <div className="fg-login-lang">
        <LangSwitch />
      </div>
      <Card className="fg-login-card">
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Title level={5} style={{ marginTop: 4, marginBottom: 4 }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {!error && state.status === 'anonymous' && state.expired ? (
          <Alert type="info" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} data-testid="login-expired" />
        ) : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" /> : null}
        <Form<LoginValues> layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="login-form" name="login">
          <Form.Item label={t('login.username')} name="username" rules={[requiredText(t('login.usernameRequired'))]}>
            <Input autoComplete="username" autoFocus data-testid="login-username" maxLength={64} />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" data-testid="login-password" maxLength={256} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
