import '../strings';
import { Card, Col, Row, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS } from '@/config/permissions';
import { hasPermission, useUser } from '@/lib/auth/auth';
import { useVisibleModules } from '@/lib/auth/use-visible-modules';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { Later } from '@/components/later';
import { Dashboard, PrefetchDashboard } from '../components/dashboard';
import { MemberHome } from '../components/member-home';
import { OfficerTodos } from '../components/officer-todos';
import { PartnerHome } from '../components/partner-home';

export function HomeRoute() {
  const { t } = useTranslation();
  const me = useUser();
  // Each role's home (#15): leaders, boards and officers (whoever reads the unit's records) land on their subtree's
  // plan dashboard, officers who act for a unit with their to-dos above it; a partner agency's staff get its courses;
  // a member their own trainings, initiatives and commendations (#16: a member sees their own records and public ones).
  const showDashboard = hasPermission(me, PERMISSIONS.recordsRead);
  const showTodos =
    showDashboard &&
    [
      PERMISSIONS.reportsSubmit,
      PERMISSIONS.nominate,
      PERMISSIONS.emulationRegister,
      PERMISSIONS.commendationsDecide,
      PERMISSIONS.initiativesRecognise,
      PERMISSIONS.officialsManage,
      PERMISSIONS.financeManage,
      PERMISSIONS.financeApprove,
    ].some((p) => hasPermission(me, p));
  const isPartner = !showDashboard && hasPermission(me, PERMISSIONS.partnerWork);
  const mine = {
    trainings: hasPermission(me, PERMISSIONS.trainingRead) && me.grants.length > 0,
    initiatives: hasPermission(me, PERMISSIONS.initiativesSubmit),
    commendations: hasPermission(me, PERMISSIONS.participationRead),
  };
  const showMine = !showDashboard && !isPartner && (mine.trainings || mine.initiatives || mine.commendations);

  useEffect(() => {
    document.title = `${t('home.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('home.welcome', { name: me.fullName })}
      </Typography.Title>
      {/* #16: a partner agency has no unit scope to choose; its home speaks of its courses with the federation. */}
      <Typography.Paragraph type="secondary">{t(isPartner ? 'home.partnerIntro' : 'home.intro')}</Typography.Paragraph>
      {/* The heading and the intro first (#17: the largest paint), the rest two renders later, after the header's
          tools, each its own commit; the figures are asked now, while those are built. */}
      {showDashboard ? <PrefetchDashboard /> : null}
      <Later>
        <Later>
          <HomeBody showTodos={showTodos} showDashboard={showDashboard} isPartner={isPartner} showMine={showMine} mine={mine} />
        </Later>
      </Later>
    </>
  );
}
interface Shown {
  showTodos: boolean;
  showDashboard: boolean;
  isPartner: boolean;
  showMine: boolean;
  mine: { trainings: boolean; initiatives: boolean; commendations: boolean };
}

/** Everything below the heading: the to-dos, the dashboard or the role's own home, the modules and the roles. */
function HomeBody({ showTodos, showDashboard, isPartner, showMine, mine }: Shown) {
  const { t } = useTranslation();
  const me = useUser();
  const scoped = useScopedPath();
  const modules = useVisibleModules();
  return (
    <>
      {showTodos ? <OfficerTodos /> : null}
      {showDashboard ? (
        <div style={{ marginBottom: 16 }}>
          <Dashboard />
        </div>
      ) : null}
      {isPartner ? <PartnerHome /> : null}
      {showMine ? <MemberHome {...mine} /> : null}
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
                {/* A partner's grant sits at the federation it works with, which is not its own unit (#16). */}
                {g.role === 'partner'
                  ? t('home.partnerOf', { role: t('roles.partner'), unit: g.unitName })
                  : `${t(`roles.${g.role}`, { defaultValue: g.role })} · ${g.unitName}`}
              </Tag>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}


export { HomeRoute as Component };
