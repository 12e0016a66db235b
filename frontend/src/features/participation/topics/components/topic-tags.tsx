import { ToneTag, type Tone } from '@/components/tone-tag';
import { useTranslation } from 'react-i18next';
import type { AcceptanceRating, TopicStatus } from '../api/topics';

const STATUS_TONE: Record<TopicStatus, Tone> = {
  Draft: 'grey', Submitted: 'blue', UnderSelection: 'gold', Selected: 'green', NotSelected: 'red', Contracted: 'blue', InProgress: 'blue',
  UnderAcceptance: 'gold', Accepted: 'green', NotAccepted: 'red', Applied: 'green', Withdrawn: 'grey',
  Cancelled: 'red', Closed: 'grey',
};
const RATING_TONE: Record<AcceptanceRating, Tone> = { Excellent: 'green', Good: 'green', Pass: 'blue', Fail: 'red' };

export function TopicStatusTag({ status }: { status: TopicStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={STATUS_TONE[status]}>{t(`topics.status.${status}`)}</ToneTag>;
}

export function RatingTag({ rating }: { rating: AcceptanceRating }) {
  const { t } = useTranslation();
  return <ToneTag tone={RATING_TONE[rating]}>{t(`topics.rating.${rating}`)}</ToneTag>;
}

export function LateTag() {
  const { t } = useTranslation();
  return <ToneTag tone="red">{t('topics.late')}</ToneTag>;
}
