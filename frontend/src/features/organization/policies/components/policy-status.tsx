import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatIsoDate, todayInProvince } from '@/lib/format/date';

export type PolicyStatus = 'inForce' | 'expired' | 'notYet';

interface EffectivePeriod {
  effectiveFrom: string;
  effectiveTo?: string | null;
}

/** Whether a document is in force on a day ("yyyy-MM-dd"; today in Asia/Ho_Chi_Minh by default). */
export function policyStatus({ effectiveFrom, effectiveTo }: EffectivePeriod, day = todayInProvince().format('YYYY-MM-DD')): PolicyStatus {
  if (effectiveFrom > day) return 'notYet';
  if (effectiveTo && effectiveTo < day) return 'expired';
  return 'inForce';
}

// AntD's preset green/blue text is too light on its tinted background (WCAG AA): darker shades of the same hues.
const STYLES: Record<PolicyStatus, React.CSSProperties> = {
  inForce: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' },
  expired: {},
  notYet: { color: '#0958d9', background: '#e6f4ff', borderColor: '#91caff' },
};

/** "Còn hiệu lực" / "Hết hiệu lực" (or "Chưa có hiệu lực" before it starts), computed from today in the province. */
export function PolicyStatusTag({ policy }: { policy: EffectivePeriod }) {
  const { t } = useTranslation();
  const status = policyStatus(policy);
  return (
    <Tag data-testid="policy-status" data-status={status} style={{ marginInlineEnd: 0, ...STYLES[status] }}>
      {t(`organization.policies.status.${status}`)}
    </Tag>
  );
}

/** "01/01/2025 – 31/12/2025", or "Từ 01/01/2025" while it has no end. */
export function usePolicyPeriod() {
  const { t } = useTranslation();
  return ({ effectiveFrom, effectiveTo }: EffectivePeriod) =>
    effectiveTo
      ? t('organization.policies.periodRange', { from: formatIsoDate(effectiveFrom), to: formatIsoDate(effectiveTo) })
      : t('organization.policies.periodFrom', { from: formatIsoDate(effectiveFrom) });
}
