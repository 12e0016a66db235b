import { Menu } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';
import { useScopedPath } from '@/lib/scope/use-unit-scope';

type Section = 'units' | 'officials' | 'focalOfficials' | 'policies' | 'enterprises' | 'plans' | 'reports';

function sectionOf(pathname: string): Section {
  if (pathname.startsWith(paths.officials)) return 'officials';
  if (pathname.startsWith(paths.focalCoverage)) return 'focalOfficials';
  if (pathname.startsWith(paths.policies)) return 'policies';
  if (pathname.startsWith(paths.enterprises)) return 'enterprises';
  if (pathname.startsWith(paths.plans)) return 'plans';
  if (pathname.startsWith(paths.reports)) return 'reports';
  return 'units';
}

/** The Organization module's sections as tabs above its screens; links keep the unit scope. */
export function OrganizationSections() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const scoped = useScopedPath();
  const sections: { key: Section; to: string; label?: string }[] = [
    { key: 'units', to: paths.units },
    { key: 'officials', to: paths.officials },
    { key: 'focalOfficials', to: paths.focalCoverage },
    { key: 'policies', to: paths.policies, label: 'organization.policies.title' },
    { key: 'enterprises', to: paths.enterprises },
    { key: 'plans', to: paths.plans },
    { key: 'reports', to: paths.reports },
  ];
  const active = sectionOf(pathname);
  return (
    <nav aria-label={t('organization.sections.label')} style={{ marginBottom: 12 }}>
      <Menu
        mode="horizontal"
        // No overflow menu: its hidden copies of the items stay focusable (axe: aria-hidden-focus); wrap on phones.
        disabledOverflow
        selectedKeys={[active]}
        style={{ background: 'transparent', flexWrap: 'wrap' }}
        items={sections.map((s) => ({
          key: s.key,
          label: (
            <Link to={scoped(s.to)} data-testid={`section-${s.key}`} aria-current={s.key === active ? 'true' : undefined}>
              {t(s.label ?? `organization.sections.${s.key}`)}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}
