import { Menu } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '@/config/permissions';
import { useUser } from '@/lib/auth/auth';
import { trainingPaths } from '../paths';

type Section = 'campaigns' | 'courses' | 'partners' | 'workspace' | 'myTrainings' | 'calendar';

const sections: { key: Section; to: string; permission: Permission }[] = [
  { key: 'courses', to: trainingPaths.courses, permission: PERMISSIONS.trainingRead },
  { key: 'campaigns', to: trainingPaths.campaigns, permission: PERMISSIONS.trainingRead },
  { key: 'partners', to: trainingPaths.partners, permission: PERMISSIONS.coursesManage },
  { key: 'workspace', to: trainingPaths.workspace, permission: PERMISSIONS.partnerWork },
  { key: 'myTrainings', to: trainingPaths.myTrainings, permission: PERMISSIONS.trainingRead },
  { key: 'calendar', to: trainingPaths.calendar, permission: PERMISSIONS.trainingRead },
];

function sectionOf(pathname: string): Section | undefined {
  return sections.find((s) => pathname.startsWith(s.to))?.key;
}

/** The module's sections as tabs above its screens, each shown to those holding its permission. */
export function TrainingSections() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const held = new Set(useUser().permissions);
  const active = sectionOf(pathname);
  return (
    <nav aria-label={t('training.sections.label')} style={{ marginBottom: 12 }}>
      <Menu
        mode="horizontal"
        // No overflow menu: its hidden copies of the items stay focusable (axe: aria-hidden-focus); wrap on phones.
        disabledOverflow
        selectedKeys={active ? [active] : []}
        style={{ background: 'transparent', flexWrap: 'wrap' }}
        items={sections
          .filter((s) => held.has(s.permission))
          .map((s) => ({
            key: s.key,
            label: (
              <Link to={s.to} data-testid={`training-section-${s.key}`} aria-current={s.key === active ? 'true' : undefined}>
                {t(`training.sections.${s.key}`)}
              </Link>
            ),
          }))}
      />
    </nav>
  );
}
