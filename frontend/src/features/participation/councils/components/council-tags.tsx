import { ToneTag, type Tone } from '@/components/tone-tag';
import { useTranslation } from 'react-i18next';
import type { CouncilItemOutcome, CouncilStatus } from '../api/councils';

const STATUS_TONE: Record<CouncilStatus, Tone> = { Open: 'gold', Closed: 'grey' };
const OUTCOME_TONE: Record<CouncilItemOutcome, Tone> = { Pending: 'blue', Recognised: 'green', NotRecognised: 'red' };

export function CouncilStatusTag({ status }: { status: CouncilStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={STATUS_TONE[status]}>{t(`councils.status.${status}`)}</ToneTag>;
}

export function CouncilOutcomeTag({ outcome }: { outcome: CouncilItemOutcome }) {
  const { t } = useTranslation();
  return <ToneTag tone={OUTCOME_TONE[outcome]}>{t(`councils.outcome.${outcome}`)}</ToneTag>;
}
