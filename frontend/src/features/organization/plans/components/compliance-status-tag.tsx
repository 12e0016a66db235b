import type React from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplianceStatus } from '../api/plan-compliance';

/** Dark text on light fills: AntD's preset tag colours fall short of WCAG AA contrast for small text. */
const STATUS_STYLES: Record<ComplianceStatus, React.CSSProperties> = {
  IssuedOnTime: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' },
  IssuedLate: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  Draft: { color: '#0958d9', background: '#e6f4ff', borderColor: '#91caff' },
  Missing: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
};

/** Bar colours matching the tags (AntD's preset palette, readable on white). */
export const STATUS_FILL: Record<ComplianceStatus, string> = {
  IssuedOnTime: '#389e0d',
  IssuedLate: '#d46b08',
  Draft: '#1d39c4',
  Missing: '#cf1322',
};

export function ComplianceStatusTag({ status }: { status: ComplianceStatus }) {
  const { t } = useTranslation();
  return (
    <Tag style={STATUS_STYLES[status]} data-testid="compliance-status">
      {t(`plans.status.${status}`)}
    </Tag>
  );
}
