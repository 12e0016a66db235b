import { SectionTabs } from '@/components/page/section-tabs';
import { useTranslation } from 'react-i18next';
import { financePaths } from '../paths';

const sections = [
  { key: 'overview', to: financePaths.overview, labelKey: 'finance.overview' },
  { key: 'budgets', to: financePaths.budgets, labelKey: 'finance.budgets' },
  { key: 'sources', to: financePaths.sources, labelKey: 'finance.sources' },
  { key: 'obligations', to: financePaths.obligations, labelKey: 'finance.obligations' },
  { key: 'reconciliation', to: financePaths.reconciliation, labelKey: 'finance.reconciliation' },
];

/** The module's sections as tabs above its screens. */
export function FinanceSections() {
  const { t } = useTranslation();
  return (
    <SectionTabs
      label={t('modules.finance')}
      testIdPrefix="finance-section"
      sections={sections.map((s) => ({ key: s.key, to: s.to, label: t(s.labelKey) }))}
    />
  );
}
