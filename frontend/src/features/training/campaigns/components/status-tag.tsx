import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../api/campaigns';

// AntD's preset tag colours are too light for WCAG AA on their tinted backgrounds: darker shades, as the reports do.
const TONES: Record<CampaignStatus, CSSProperties> = {
  Upcoming: { color: '#0958d9', background: '#e6f4ff', borderColor: '#91caff' },
  Running: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' },
  Ended: {},
};

export function StatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Tag style={TONES[status]}>{t(`trainingCampaigns.status.${status}`)}</Tag>;
}
