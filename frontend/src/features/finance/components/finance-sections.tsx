import { Menu } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { financePaths } from '../paths';

const sections = [
  { key: 'budgets', to: financePaths.budgets, labelKey: 'finance.budgets' },
  { key: 'obligations', to: financePaths.obligations, labelKey: 'finance.obligations' },
  { key: 'reconciliation', to: financePaths.reconciliation, labelKey: 'finance.reconciliation' },
];

/** The module's sections as tabs above its screens. */
export function FinanceSections() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const active = sections.find((s) => pathname.startsWith(s.to))?.key;
  return (
    <nav aria-label={t('modules.finance')} style={{ marginBottom: 12 }}>
      <Menu
        mode="horizontal"
        disabledOverflow
        selectedKeys={active ? [active] : []}
        style={{ background: 'transparent', flexWrap: 'wrap' }}
        items={sections.map((s) => ({
          key: s.key,
          label: <Link to={s.to} data-testid={`finance-section-${s.key}`} aria-current={s.key === active ? 'true' : undefined}>{t(s.labelKey)}</Link>,
        }))}
      />
    </nav>
  );
}
