import { Menu } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '@/config/permissions';
import { useUser } from '@/lib/auth/auth';
import { trainingPaths } from '../paths';

type Section = 'campaigns' | 'courses' | 'partners' | 'workspace' | 'myTrainings' | 'calendar';

/** Each section needs every permission listed. */
const sections: { key: Section; to: string; permissions: Permission[] }[] = [
  { key: 'courses', to: trainingPaths.courses, permissions: [PERMISSIONS.trainingRead] },
  // Campaigns are the union's own work, reported by its units: partner staff (who reach no unit) have nothing there.
  { key: 'campaigns', to: trainingPaths.campaigns, permissions: [PERMISSIONS.trainingRead, PERMISSIONS.unitsRead] },
  { key: 'partners', to: trainingPaths.partners, permissions: [PERMISSIONS.coursesManage] },
  { key: 'workspace', to: trainingPaths.workspace, permissions: [PERMISSIONS.partnerWork] },
  { key: 'myTrainings', to: trainingPaths.myTrainings, permissions: [PERMISSIONS.trainingRead] },
  { key: 'calendar', to: trainingPaths.calendar, permissions: [PERMISSIONS.trainingRead] },
];

function sectionOf(pathname: string): Section | undefined {
  return sections.find((s) => pathname.startsWith(s.to))?.key;
}

/** The module's sections as tabs above its screens, each shown to those holding its permissions. */
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
          .filter((s) => s.permissions.every((p) => held.has(p)))
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
