import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '@/config/permissions';
import { SectionTabs } from '@/components/page/section-tabs';
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

/** The module's sections as tabs above its screens, each shown to those holding its permissions. */
export function TrainingSections() {
  const { t } = useTranslation();
  return (
    <SectionTabs
      label={t('training.sections.label')}
      testIdPrefix="training-section"
      sections={sections.map((s) => ({ key: s.key, to: s.to, label: t(`training.sections.${s.key}`), permissions: s.permissions }))}
    />
  );
}
