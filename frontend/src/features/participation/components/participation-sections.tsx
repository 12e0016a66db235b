import { Menu } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '@/config/permissions';
import { useUser } from '@/lib/auth/auth';
import { commendationPaths } from '../commendations/paths';
import '../commendations/strings';
import { councilPaths } from '../councils/paths';
import '../councils/strings';
import '../emulation/strings';
import { emulationPaths } from '../emulation/paths';
import { initiativePaths } from '../initiatives/paths';

type Section = 'initiatives' | 'myInitiatives' | 'councils' | 'movements' | 'clusters' | 'registrations' | 'ranking' | 'commendations';

const sections: { key: Section; to: string; labelKey: string; permissions: Permission[] }[] = [
  { key: 'initiatives', to: initiativePaths.list, labelKey: 'initiatives.title', permissions: [PERMISSIONS.participationRead] },
  { key: 'myInitiatives', to: initiativePaths.mine, labelKey: 'initiatives.mineTitle', permissions: [PERMISSIONS.participationRead] },
  { key: 'councils', to: councilPaths.list, labelKey: 'councils.title', permissions: [PERMISSIONS.participationRead] },
  { key: 'movements', to: emulationPaths.movements, labelKey: 'emulation.movements', permissions: [PERMISSIONS.participationRead] },
  { key: 'clusters', to: emulationPaths.clusters, labelKey: 'emulation.clusters', permissions: [PERMISSIONS.participationRead] },
  { key: 'registrations', to: emulationPaths.registrations, labelKey: 'emulation.registrations', permissions: [PERMISSIONS.participationRead] },
  { key: 'ranking', to: emulationPaths.ranking(), labelKey: 'emulation.ranking', permissions: [PERMISSIONS.participationRead] },
  { key: 'commendations', to: commendationPaths.list, labelKey: 'commendations.title', permissions: [PERMISSIONS.participationRead] },
];

/** The module's sections as tabs above its screens, each shown to those holding its permissions. */
export function ParticipationSections() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const held = new Set(useUser().permissions);
  const active = sections.find((s) => pathname.startsWith(s.to))?.key;
  return (
    <nav aria-label={t('modules.participation')} style={{ marginBottom: 12 }}>
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
              <Link to={s.to} data-testid={`participation-section-${s.key}`} aria-current={s.key === active ? 'true' : undefined}>
                {t(s.labelKey)}
              </Link>
            ),
          }))}
      />
    </nav>
  );
}
