import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPLIANCE_STATUSES, type ComplianceStatus, type ComplianceTotals } from '../api/plan-compliance';
import { STATUS_FILL } from './compliance-status-tag';

const KEYS: Record<ComplianceStatus, keyof ComplianceTotals> = {
  IssuedOnTime: 'issuedOnTime',
  IssuedLate: 'issuedLate',
  Draft: 'draft',
  Missing: 'missing',
};

export const countOf = (totals: ComplianceTotals, status: ComplianceStatus) => totals[KEYS[status]];

/**
 * One horizontal bar per state, as a share of the expected units (plain CSS: no chart library in the bundle).
 * Each bar is a button that filters the table to that state.
 */
export function ComplianceBars({
  totals,
  selected,
  onSelect,
}: {
  totals: ComplianceTotals;
  selected?: ComplianceStatus;
  onSelect: (status: ComplianceStatus | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <Flex vertical gap={6} data-testid="compliance-bars" role="group" aria-label={t('plans.compliance.barsLabel')}>
      {COMPLIANCE_STATUSES.map((status) => {
        const count = countOf(totals, status);
        const share = totals.expected ? count / totals.expected : 0;
        const active = selected === status;
        return (
          <button
            key={status}
            type="button"
            aria-pressed={active}
            onClick={() => onSelect(active ? undefined : status)}
            data-testid={`bar-${status}`}
            style={{
              all: 'unset',
              cursor: 'pointer',
              display: 'grid',
              gridTemplateColumns: 'minmax(120px, 180px) 1fr minmax(90px, auto)',
              alignItems: 'center',
              gap: 12,
              padding: '4px 8px',
              borderRadius: 6,
              outline: active ? `2px solid ${STATUS_FILL[status]}` : undefined,
              background: active ? '#fafafa' : undefined,
            }}
          >
            <Typography.Text>{t(`plans.status.${status}`)}</Typography.Text>
            <span style={{ background: '#f0f0f0', borderRadius: 4, height: 14, overflow: 'hidden' }} aria-hidden>
              <span style={{ display: 'block', height: '100%', width: `${share * 100}%`, background: STATUS_FILL[status] }} />
            </span>
            <Typography.Text strong>
              {number.format(count)} <Typography.Text type="secondary">({percent.format(share)})</Typography.Text>
            </Typography.Text>
          </button>
        );
      })}
    </Flex>
  );
}
