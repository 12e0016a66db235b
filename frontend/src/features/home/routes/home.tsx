import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';
import { PERMISSIONS } from '@/config/permissions';
import { hasPermission, useUser } from '@/lib/auth/auth';
import { useVisibleModules } from '@/lib/auth/use-visible-modules';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { Dashboard } from '../components/dashboard';

export function HomeRoute() {
  const { t } = useTranslation();
  const me = useUser();
  const scoped = useScopedPath();
  const modules = useVisibleModules();
  // Leaders, boards and officers (whoever reads the unit's records) land on their subtree's plan dashboard; a member
  // gets their own work instead (#16: a member sees their own records and the public ones only).
  const showDashboard = hasPermission(me, PERMISSIONS.recordsRead);
  const mine = showDashboard
    ? []
    : [
        { key: 'myTrainings', to: paths.myTrainings, allowed: hasPermission(me, PERMISSIONS.trainingRead) && me.grants.length > 0 },
        { key: 'myInitiatives', to: paths.myInitiatives, allowed: hasPermission(me, PERMISSIONS.initiativesSubmit) },
        { key: 'myCommendations', to: paths.myCommendations, allowed: hasPermission(me, PERMISSIONS.participationRead) },
      ].filter((m) => m.allowed);

  useEffect(() => {
    document.title = `${t('home.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('home.welcome', { name: me.fullName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      {showDashboard ? (
        <div style={{ marginBottom: 16 }}>
          <Dashboard />
        </div>
      ) : null}
      {mine.length > 0 ? (
        <Card style={{ marginBottom: 16 }} data-testid="home-mine">
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
            {t('home.mine')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('home.mineIntro')}</Typography.Paragraph>
          <Flex gap={24} wrap>
            {mine.map((m) => (
              <Link key={m.key} to={m.to} data-testid={`home-${m.key}`}>
                {t(`home.${m.key}`)}
              </Link>
            ))}
          </Flex>
        </Card>
      ) : null}
      {modules.length === 0 ? <Typography.Paragraph>{t('home.noModules')}</Typography.Paragraph> : null}
      <Row gutter={[16, 16]} role="list">
        {modules.map((m) => (
          <Col xs={24} md={12} xl={6} key={m.key} role="listitem">
            <Card style={{ height: '100%' }}>
              <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
                <Link to={scoped(m.path)} data-testid={`home-${m.key}`}>
                  {t(`modules.${m.key}`)}
                </Link>
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t(`modules.descriptions.${m.key}`)}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
      <Card style={{ marginTop: 16 }}>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
          {t('home.yourRoles')}
        </Typography.Title>
        <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {me.grants.map((g) => (
            <li key={`${g.role}@${g.unitId}`}>
              <Tag color="blue" style={{ whiteSpace: 'normal' }}>
                {t(`roles.${g.role}`, { defaultValue: g.role })} · {g.unitName}
              </Tag>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}

export { HomeRoute as Component };
