import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '@/config/permissions';
import { SectionTabs } from '@/components/page/section-tabs';
import { commendationPaths } from '../commendations/paths';
import '../commendations/strings';
import { councilPaths } from '../councils/paths';
import '../councils/strings';
import '../emulation/strings';
import { emulationPaths } from '../emulation/paths';
import { initiativePaths } from '../initiatives/paths';
import { topicPaths } from '../topics/paths';
import '../topics/strings';

type Section = 'initiatives' | 'myInitiatives' | 'topics' | 'researchCalls' | 'councils' | 'movements' | 'clusters' | 'registrations' | 'ranking' | 'commendations' | 'commendationHistory' | 'honouring' | 'myCommendations';

const sections: { key: Section; to: string; labelKey: string; permissions: Permission[] }[] = [
  { key: 'initiatives', to: initiativePaths.list, labelKey: 'initiatives.title', permissions: [PERMISSIONS.participationRead] },
  { key: 'myInitiatives', to: initiativePaths.mine, labelKey: 'initiatives.mineTitle', permissions: [PERMISSIONS.participationRead] },
  { key: 'topics', to: topicPaths.list, labelKey: 'topics.title', permissions: [PERMISSIONS.participationRead] },
  { key: 'researchCalls', to: topicPaths.calls, labelKey: 'topics.calls', permissions: [PERMISSIONS.participationRead] },
  { key: 'councils', to: councilPaths.list, labelKey: 'councils.title', permissions: [PERMISSIONS.participationRead] },
  { key: 'movements', to: emulationPaths.movements, labelKey: 'emulation.movements', permissions: [PERMISSIONS.participationRead] },
  { key: 'clusters', to: emulationPaths.clusters, labelKey: 'emulation.clusters', permissions: [PERMISSIONS.participationRead] },
  { key: 'registrations', to: emulationPaths.registrations, labelKey: 'emulation.registrations', permissions: [PERMISSIONS.participationRead] },
  { key: 'ranking', to: emulationPaths.ranking(), labelKey: 'emulation.ranking', permissions: [PERMISSIONS.participationRead] },
  { key: 'commendations', to: commendationPaths.list, labelKey: 'commendations.title', permissions: [PERMISSIONS.participationRead] },
  { key: 'commendationHistory', to: commendationPaths.history, labelKey: 'commendations.history', permissions: [PERMISSIONS.commendationsPropose] },
  { key: 'honouring', to: commendationPaths.honouring, labelKey: 'honouring.title', permissions: [PERMISSIONS.commendationsPropose, PERMISSIONS.commendationsDecide] },
  { key: 'myCommendations', to: commendationPaths.mine, labelKey: 'commendations.mineTitle', permissions: [PERMISSIONS.participationRead] },
];

/** The module's sections as tabs above its screens, each shown to those holding its permissions. */
export function ParticipationSections() {
  const { t } = useTranslation();
  return (
    <SectionTabs
      label={t('modules.participation')}
      testIdPrefix="participation-section"
      sections={sections.map((s) => ({ key: s.key, to: s.to, label: t(s.labelKey), permissions: s.permissions }))}
    />
  );
}
