import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayjs, todayInProvince } from '@/lib/format/date';
import type { SubmissionState } from '../api/unit-report';

const COLORS: Record<SubmissionState, string> = {
  NotStarted: 'default',
  Draft: 'gold',
  Submitted: 'processing',
  Returned: 'error',
  Accepted: 'success',
};

export function ReportStateTag({ state }: { state: SubmissionState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[state]} data-testid="report-state">
      {t(`reports.states.${state}`)}
    </Tag>
  );
}

export function LateTag() {
  const { t } = useTranslation();
  return (
    <Tag color="volcano" data-testid="report-late">
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
  if (days > 0) return <Tag color={days <= 7 ? 'orange' : 'blue'}>{t('reports.daysLeft', { count: days })}</Tag>;
  if (days === 0) return <Tag color="orange">{t('reports.dueToday')}</Tag>;
  return <Tag color="red">{t('reports.overdueBy', { count: -days })}</Tag>;
}
