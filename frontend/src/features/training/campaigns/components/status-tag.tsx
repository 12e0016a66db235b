import { ToneTag, type Tone } from '@/components/tone-tag';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../api/campaigns';

const TONE: Record<CampaignStatus, Tone> = { Upcoming: 'blue', Running: 'green', Ended: 'neutral' };

export function StatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={TONE[status]}>{t(`trainingCampaigns.status.${status}`)}</ToneTag>;
}
