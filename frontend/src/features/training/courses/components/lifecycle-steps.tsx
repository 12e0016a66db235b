import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format/date';
import type { CourseDetail } from '../api/courses';

/** The course's lifecycle as it happened: each step with who did it, when, and why (a cancellation's reason). */
export function LifecycleSteps({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="course-steps"
      items={course.steps.map((s) => ({
        color: s.to === 'Cancelled' ? 'red' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{t(`trainingCourses.status.${s.to}`)}</Typography.Text>
            <div>
              <Typography.Text type="secondary">{t('trainingCourses.detail.stepBy', { actor: s.actorName, time: formatDateTime(s.at) })}</Typography.Text>
            </div>
            {s.note && <div style={{ overflowWrap: 'anywhere' }}>{s.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
