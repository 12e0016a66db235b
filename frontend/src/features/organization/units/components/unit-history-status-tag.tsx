import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitStatus } from '../api/unit-versions';

// AntD's preset green/gold text is too light on its tinted background (WCAG AA): darker shades of the same hues.
const STYLES: Record<UnitStatus, React.CSSProperties> = {
  Active: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' },
  Merged: { color: '#874d00', background: '#fffbe6', borderColor: '#ffe58f' },
  Dissolved: {},
  Split: { color: '#874d00', background: '#fffbe6', borderColor: '#ffe58f' },
};
/** The "current version" tag, in the same accessible blue. */
export const CURRENT_TAG_STYLE: React.CSSProperties = { color: '#0958d9', background: '#e6f4ff', borderColor: '#91caff' };

/** Active, merged, split or dissolved; `hideActive` leaves active units untagged (the usual case in a list). */
export function UnitStatusTag({ status, hideActive = false }: { status: UnitStatus | undefined; hideActive?: boolean }) {
  const { t } = useTranslation();
  const value = status ?? 'Active';
  if (hideActive && value === 'Active') return null;
  return (
    <Tag data-testid="unit-status" data-status={value} style={{ ...(hideActive ? { marginInlineStart: 8 } : {}), ...STYLES[value] }}>
      {t(`organization.unitHistory.statuses.${value}`)}
    </Tag>
  );
}
