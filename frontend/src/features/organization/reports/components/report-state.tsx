import { TONES } from '@/components/tone-tag';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayjs, todayInProvince } from '@/lib/format/date';
import type { SubmissionState } from '../api/unit-report';


const STATE_TONES: Record<SubmissionState, keyof typeof TONES> = {
  NotStarted: 'neutral',
  Draft: 'gold',
  Submitted: 'blue',
  Returned: 'red',
  Accepted: 'green',
};

export function ReportStateTag({ state }: { state: SubmissionState }) {
  const { t } = useTranslation();
  return (
    <Tag style={TONES[STATE_TONES[state]]} data-testid="report-state">
      {t(`reports.states.${state}`)}
    </Tag>
  );
}

export function LateTag() {
  const { t } = useTranslation();
  return (
    <Tag style={TONES.volcano} data-testid="report-late">
      {t('reports.late')}
    </Tag>
  );
}

/** Days from today (in the province) to a "yyyy-MM-dd" deadline: positive ahead, 0 today, negative past. */
export function daysUntil(deadline: string, today = todayInProvince()): number {
  return dayjs(deadline).diff(today, 'day');
}

/** "còn 6 ngày", "hạn hôm nay", "quá hạn 3 ngày". */
export function DeadlineHint({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const days = daysUntil(deadline);
  if (days > 0) return <Tag style={TONES[days <= 7 ? 'gold' : 'blue']}>{t('reports.daysLeft', { count: days })}</Tag>;
  if (days === 0) return <Tag style={TONES.gold}>{t('reports.dueToday')}</Tag>;
  return <Tag style={TONES.red}>{t('reports.overdueBy', { count: -days })}</Tag>;
}

/** Past this many days after the deadline a period is simply closed, not "overdue by 400 days". */
export const CLOSED_AFTER_DAYS = 60;

/** The period's deadline hint, or "closed" long after it. */
export function PeriodDeadlineHint({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  return daysUntil(deadline) < -CLOSED_AFTER_DAYS ? <Tag>{t('reports.periods.closed')}</Tag> : <DeadlineHint deadline={deadline} />;
}
