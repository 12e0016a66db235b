import { Menu } from 'antd';
import {
  ApartmentOutlined,
  BankOutlined,
  HomeOutlined,
  SettingOutlined,
  ReadOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { ModuleKey } from '@/config/modules';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { useVisibleModules } from '@/lib/auth/use-visible-modules';
import { useHasPermission } from '@/lib/auth/auth';
import { PERMISSIONS } from '@/config/permissions';

const icons: Record<ModuleKey, ReactNode> = {
  training: <ReadOutlined />,
  organization: <ApartmentOutlined />,
  participation: <TrophyOutlined />,
  finance: <BankOutlined />,
};

/** Home plus the modules the user's permissions open; links keep the chosen unit scope. */
export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const scoped = useScopedPath();
  const modules = useVisibleModules();
  const canAdminister = useHasPermission(PERMISSIONS.usersManage);
  const selected = '/' + (pathname.split('/')[1] ?? '');

  return (
    <nav aria-label={t('shell.navigation')}>
      <Menu
        mode="inline"
        selectedKeys={[selected]}
        onClick={onNavigate}
        style={{ borderInlineEnd: 'none' }}
        items={[
          { key: '/', icon: <HomeOutlined />, label: <Link to={scoped('/')}>{t('modules.home')}</Link> },
          ...modules.map((m) => ({
            key: m.path,
            icon: icons[m.key],
            label: (
              <Link to={scoped(m.path)} data-testid={`nav-${m.key}`}>
                {t(`modules.${m.key}`)}
              </Link>
            ),
          })),
          ...(canAdminister
            ? [
                {
                  key: '/admin',
                  icon: <SettingOutlined />,
                  label: (
                    <Link to="/admin" data-testid="nav-admin">
                      {t('modules.admin')}
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
    </nav>
  );
}
