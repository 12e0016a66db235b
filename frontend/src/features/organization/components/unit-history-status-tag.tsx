import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitStatus } from '../api/unit-history-ops';

const COLORS: Record<UnitStatus, string> = { Active: 'green', Merged: 'gold', Dissolved: 'default' };

/** Active, merged or dissolved; `hideActive` leaves active units untagged (the usual case in a list). */
export function UnitStatusTag({ status, hideActive = false }: { status: UnitStatus | undefined; hideActive?: boolean }) {
  const { t } = useTranslation();
  const value = status ?? 'Active';
  if (hideActive && value === 'Active') return null;
  return (
    <Tag color={COLORS[value]} data-testid="unit-status" style={{ marginInlineStart: 8 }}>
      {t(`organization.unitHistory.statuses.${value}`)}
    </Tag>
  );
}
