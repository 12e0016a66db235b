import { useTranslation } from 'react-i18next';
import { SectionTabs } from '@/components/page/section-tabs';
import { paths } from '@/config/paths';
import { useScopedPath } from '@/lib/scope/use-unit-scope';

type Section = 'units' | 'officials' | 'focalOfficials' | 'policies' | 'enterprises' | 'plans' | 'reports';

/** The Organization module's sections as tabs above its screens; links keep the unit scope. */
export function OrganizationSections() {
  const { t } = useTranslation();
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
  return (
    <SectionTabs
      label={t('organization.sections.label')}
      testIdPrefix="section"
      fallbackKey="units"
      linkTo={scoped}
      sections={sections.map((s) => ({ key: s.key, to: s.to, label: t(s.label ?? `organization.sections.${s.key}`) }))}
    />
  );
}
