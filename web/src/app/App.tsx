import { Suspense, useEffect } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { ApiErrorResult } from '../components/ApiErrorResult';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { I18nProvider, useI18n } from '../i18n';
import { AuthProvider, useAuth } from '../lib/auth';
import { MetaProvider } from '../lib/meta';
import { matchPath, RouterProvider, useLocation, useNavigate } from '../lib/router';
import LoginPage from '../features/auth/LoginPage';
import { AppLayout } from './AppLayout';
import { ROUTES } from './routes';
import type { UserInfo } from '../api/types';

function Loading() {
  const { t } = useI18n();
  return (
    <div className="fg-loading" role="status" aria-live="polite">
      <Spin size="large" />
      <span className="fg-sr-only">{t('common.loading')}</span>
    </div>
  );
}

function Redirect({ to }: { to: string }) {
  const navigate = useNavigate();
  useEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
}

function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('common.pageNotFound')}
      subTitle={t('common.pageNotFoundSub')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.goHome')}
        </Button>
      }
    />
  );
}

function Forbidden() {
  const { t } = useI18n();
  return (
    <div data-testid="forbidden">
      <Result status="403" title={t('common.forbidden')} subTitle={t('common.forbiddenSub')} />
    </div>
  );
}

/** The page for the current path, checked against the user's role. */
function Pages({ user }: { user: UserInfo }) {
  const { pathname } = useLocation();
  // An institution user's "institutions" is their own institution.
  if (user.role === 'institution' && pathname.replace(/\/+$/, '') === '/institutions' && user.scope.fixmedinsCode) {
    return <Redirect to={`/institutions/${encodeURIComponent(user.scope.fixmedinsCode)}`} />;
  }
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    if (route.roles && !route.roles.includes(user.role)) return <Forbidden />;
    const Page = route.page;
    return (
      <ErrorBoundary resetKey={pathname}>
        <Suspense fallback={<Loading />}>
          <Page params={params} />
        </Suspense>
      </ErrorBoundary>
    );
  }
  return <NotFound />;
}

/** Login, or the guarded workbench. */
function Shell() {
  const { state, refresh } = useAuth();
  const { pathname, search } = useLocation();
  const isLogin = pathname === '/login';

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ApiErrorResult error={state.error} onRetry={refresh} />;
  if (state.status === 'anonymous') {
    if (isLogin) return <LoginPage />;
    const next = `${pathname}${search}`;
    return <Redirect to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} />;
  }
  if (isLogin) return <Redirect to="/" />;
  return (
    <MetaProvider userKey={state.user.username}>
      <AppLayout user={state.user}>
        <Pages user={state.user} />
      </AppLayout>
    </MetaProvider>
  );
}

function Localized() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1d5fd1', borderRadius: 6 } }}
    >
      <AntApp>
        <RouterProvider>
          <AuthProvider>
            <Shell />
          </AuthProvider>
        </RouterProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <ErrorBoundary>
        <Localized />
      </ErrorBoundary>
    </I18nProvider>
  );
}
