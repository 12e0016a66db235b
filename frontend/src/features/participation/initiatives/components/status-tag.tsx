import { ToneTag, type Tone } from '@/components/tone-tag';
import { useTranslation } from 'react-i18next';
import type { InitiativeStatus } from '../api/initiatives';

const TONE: Record<InitiativeStatus, Tone> = { Draft: 'neutral', Submitted: 'blue', UnderReview: 'gold', Recognised: 'green', NotRecognised: 'red', Withdrawn: 'grey' };

export function InitiativeStatusTag({ status }: { status: InitiativeStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={TONE[status]}>{t(`initiatives.status.${status}`)}</ToneTag>;
}
