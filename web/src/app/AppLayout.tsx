import { useState, type ReactNode } from 'react';
import { App as AntApp, Button, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import type { UserInfo } from '../api/types';
import { LangSwitch } from '../components/LangSwitch';
import { RoleTag } from '../components/Tags';
import { useI18n, type Translate } from '../i18n';
import { useAuth } from '../lib/auth';
import { Link, useLocation, useNavigate } from '../lib/router';

type MenuItem = Required<MenuProps>['items'][number];

function menuItems(user: UserInfo, t: Translate): Array<{ key: string; label: string }> {
  const items = [
    { key: '/', label: t('nav.overview') },
    { key: '/findings', label: t('nav.findings') },
    { key: '/warnings', label: t('nav.warnings') },
  ];
  const practitioners = { key: '/practitioners', label: t('nav.practitioners') };
  if (user.role === 'institution') {
    if (user.scope.fixmedinsCode)
      items.push({ key: `/institutions/${encodeURIComponent(user.scope.fixmedinsCode)}`, label: t('nav.myInstitution') });
    items.push(practitioners, { key: '/decisions', label: t('nav.decisions') });
    return items;
  }
  items.push(
    { key: '/institutions', label: t('nav.institutions') },
    practitioners,
    { key: '/clues', label: t('nav.clues') },
    { key: '/cases', label: t('nav.cases') },
    { key: '/case-stats', label: t('nav.caseStats') },
  );
  if (user.role === 'admin') {
    items.push(
      { key: '/rules', label: t('nav.rules') },
      { key: '/imports', label: t('nav.imports') },
      { key: '/audit', label: t('nav.audit') },
    );
  }
  return items;
}

/** The menu entry a path belongs to: the longest key that is the path or a parent of it (none for a page without one). */
function selectedKey(pathname: string, keys: string[]): string {
  let best = pathname === '/' ? '/' : '';
  for (const k of keys) if (k !== '/' && (pathname === k || pathname.startsWith(`${k}/`)) && k.length > best.length) best = k;
  return best;
}

/** The workbench frame: side menu by role, header with the user, language switch and logout. */
export function AppLayout({ user, children }: { user: UserInfo; children: ReactNode }) {
  const { t } = useI18n();
  const { logout } = useAuth();
  const { message } = AntApp.useApp();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const entries = menuItems(user, t);
  const items: MenuItem[] = entries.map((e) => ({
    key: e.key,
    label: (
      <Link to={e.key} data-testid={`nav-${e.key === '/' ? 'overview' : e.key.split('/')[1]}`}>
        {e.label}
      </Link>
    ),
  }));

  const onLogout = async () => {
    try {
      await logout();
    } finally {
      navigate('/login', { replace: true });
      void message.success(t('header.loggedOut'));
    }
  };

  return (
    <Layout className="fg-shell">
      <Layout.Sider breakpoint="lg" collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark">
        <div className="fg-brand" title={t('app.title')}>
          <span className="fg-brand-mark" aria-hidden>
            FG
          </span>
          {collapsed ? null : <span className="fg-brand-name">{t('app.name')}</span>}
        </div>
        <nav aria-label={t('nav.menu')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[
              selectedKey(
                pathname,
                entries.map((e) => e.key),
              ),
            ]}
            items={items}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="fg-header">
          <Typography.Text strong className="fg-header-title">
            {t('app.title')}
          </Typography.Text>
          <Space size="middle" wrap className="fg-header-user">
            <span data-testid="current-user">
              <Typography.Text strong>{user.displayName}</Typography.Text>
            </span>
            <RoleTag role={user.role} />
            <Tooltip title={t('header.scope')}>
              <Typography.Text type="secondary" data-testid="current-scope">
                {user.scope.label}
              </Typography.Text>
            </Tooltip>
            <LangSwitch />
            <Button onClick={onLogout} data-testid="logout">
              {t('header.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="fg-content">
          <main>{children}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
