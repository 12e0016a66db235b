import { ToneTag, type Tone } from '@/components/tone-tag';
import { useTranslation } from 'react-i18next';
import type { CouncilItemKind, CouncilItemOutcome, CouncilStatus } from '../api/councils';

const STATUS_TONE: Record<CouncilStatus, Tone> = { Open: 'gold', Closed: 'grey' };
const OUTCOME_TONE: Record<CouncilItemOutcome, Tone> = { Pending: 'blue', Recognised: 'green', NotRecognised: 'red' };

export function CouncilStatusTag({ status }: { status: CouncilStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={STATUS_TONE[status]}>{t(`councils.status.${status}`)}</ToneTag>;
}

/** An item's result; for a research topic it reads "selected" / "passed" rather than "recognised". */
export function CouncilOutcomeTag({ outcome, kind = 'Initiative' }: { outcome: CouncilItemOutcome; kind?: CouncilItemKind }) {
  const { t } = useTranslation();
  const key = kind === 'Initiative' ? 'outcome' : kind === 'TopicSelection' ? 'outcomeSelection' : kind === 'Commendation' ? 'outcomeCommendation' : 'outcomeAcceptance';
  return <ToneTag tone={OUTCOME_TONE[outcome]}>{t(`councils.${key}.${outcome}`)}</ToneTag>;
}
