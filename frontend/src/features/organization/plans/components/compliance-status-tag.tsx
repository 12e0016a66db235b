import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplianceStatus } from '../api/get-plan-compliance';

export const STATUS_COLORS: Record<ComplianceStatus, string> = {
  IssuedOnTime: 'green',
  IssuedLate: 'orange',
  Draft: 'blue',
  Missing: 'red',
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
    <Tag color={STATUS_COLORS[status]} data-testid="compliance-status">
      {t(`plans.status.${status}`)}
    </Tag>
  );
}
