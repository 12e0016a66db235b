import { Button, Dropdown, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLogout, useUser } from '@/lib/auth/auth';
import { paths } from '@/config/paths';

/** The user's name, their role and unit, and sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const primary = me.grants[0];
  const roleLabel = (role: string) => t(`roles.${role}`, { defaultValue: role });

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            type: 'group',
            label: (
              <span>
                <strong>{me.fullName}</strong>
                <br />
                {me.email}
              </span>
            ),
            children: me.grants.map((g) => ({
              key: `${g.role}@${g.unitId}`,
              label: `${roleLabel(g.role)} · ${g.unitName}`,
              disabled: true,
            })),
          },
          { type: 'divider' },
          { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword.menu') },
          { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: false },
        ],
        onClick: async ({ key }) => {
          if (key === 'password') navigate(paths.changePassword);
          if (key === 'logout') {
            await logout();
            navigate(paths.login, { replace: true });
          }
        },
      }}
    >
      <Button type="text" aria-label={`${t('shell.userMenu')}: ${me.fullName}`} data-testid="user-menu" style={{ height: 'auto', paddingBlock: 4 }}>
        <span style={{ display: 'flex', alignItems: 'center', gap: 8, textAlign: 'start' }}>
          <UserOutlined aria-hidden />
          <span className="hide-on-phone" style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.3 }}>
            <span style={{ fontWeight: 600 }}>{me.fullName}</span>
            {primary ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {roleLabel(primary.role)} · {primary.unitName}
              </Typography.Text>
            ) : null}
          </span>
        </span>
      </Button>
    </Dropdown>
  );
}
