import { useTranslation } from 'react-i18next';
import { SectionTabs } from '@/components/page/section-tabs';
import { PERMISSIONS, type Permission } from '@/config/permissions';
import { paths } from '@/config/paths';
import { useScopedPath } from '@/lib/scope/use-unit-scope';

type Section = 'units' | 'officials' | 'focalOfficials' | 'policies' | 'enterprises' | 'plans' | 'reports';

/** The Organization module's sections as tabs above its screens; links keep the unit scope. */
export function OrganizationSections() {
  const { t } = useTranslation();
  const scoped = useScopedPath();
  const records: Permission[] = [PERMISSIONS.recordsRead];
  // Members see the hierarchy and the policy register only; the unit's records are for officers, boards and leaders.
  const sections: { key: Section; to: string; label?: string; permissions?: Permission[] }[] = [
    { key: 'units', to: paths.units },
    { key: 'officials', to: paths.officials, permissions: records },
    { key: 'focalOfficials', to: paths.focalCoverage, permissions: records },
    { key: 'policies', to: paths.policies, label: 'organization.policies.title' },
    { key: 'enterprises', to: paths.enterprises, permissions: records },
    { key: 'plans', to: paths.plans, permissions: records },
    { key: 'reports', to: paths.reports, permissions: records },
  ];
  return (
    <SectionTabs
      label={t('organization.sections.label')}
      testIdPrefix="section"
      fallbackKey="units"
      linkTo={scoped}
      sections={sections.map((s) => ({ key: s.key, to: s.to, label: t(s.label ?? `organization.sections.${s.key}`), permissions: s.permissions }))}
    />
  );
}
