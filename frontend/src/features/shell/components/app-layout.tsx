import { Button, Drawer, Grid, Layout, Progress } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { Link, Outlet, useNavigation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/language-switch';
import { Later } from '@/components/later';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { Breadcrumbs } from './breadcrumbs';
import { MainNav } from './main-nav';
import { ScopePicker } from './scope-picker';
import { UserMenu } from './user-menu';

/**
 * The frame around every signed-in screen: navigation, scope picker, user, language, breadcrumbs.
 * `headerExtra` (the notification bell) is composed in by app/, since features never import each other.
 */
export function AppLayout({ headerExtra }: { headerExtra?: ReactNode }) {
  const { t } = useTranslation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigation = useNavigation();
  const scoped = useScopedPath();
  // One picker and one navigation in the DOM: beside the content on wide screens, in a drawer on phones.
  const isDesktop = Grid.useBreakpoint().lg ?? true;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      {isDesktop ? (
        <Layout.Sider width={280} theme="light" style={{ borderInlineEnd: '1px solid #e5e7eb' }}>
          <Link to={scoped('/')} className="sider-title">
            {t('app.fullName')}
          </Link>
          <MainNav />
        </Layout.Sider>
      ) : (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('app.fullName')}
          size={280}
          styles={{ body: { padding: 0 } }}
        >
          <MainNav onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="app-header">
          {isDesktop ? (
            <div className="header-scope">
              <ScopePicker />
            </div>
          ) : (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('shell.openMenu')}
                aria-expanded={drawerOpen}
                onClick={() => setDrawerOpen(true)}
              />
              <Link to={scoped('/')} className="app-title">
                {t('app.name')}
              </Link>
            </>
          )}
          <div style={{ flex: 1 }} />
          {/* The header's tools come one render after the frame and the screen's heading (#17): a row of their own. */}
          <Later>
            {headerExtra}
            <LanguageSwitch size="small" />
            <UserMenu />
          </Later>
        </Layout.Header>
        {isDesktop ? null : (
          <div className="mobile-scope">
            <ScopePicker />
          </div>
        )}
        {navigation.state === 'loading' ? (
          <Progress percent={100} status="active" showInfo={false} size={{ height: 2 }} style={{ margin: 0, lineHeight: 0 }} aria-hidden />
        ) : null}
        <Layout.Content className="app-content">
          <Breadcrumbs />
          <main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
