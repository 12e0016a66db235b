import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../api/campaigns';

const COLORS: Record<CampaignStatus, string> = { Upcoming: 'blue', Running: 'green', Ended: 'default' };

export function StatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`trainingCampaigns.status.${status}`)}</Tag>;
}
