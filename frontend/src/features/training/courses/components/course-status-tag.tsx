import { ToneTag, type Tone } from '@/components/tone-tag';
import { useTranslation } from 'react-i18next';
import type { CourseStatus } from '../api/courses';

const TONE: Record<CourseStatus, Tone> = {
  Proposed: 'grey',
  Confirmed: 'blue',
  OpenForNomination: 'green',
  Running: 'purple',
  Completed: 'geekblue',
  Cancelled: 'red',
};

export function CourseStatusTag({ status }: { status: CourseStatus }) {
  const { t } = useTranslation();
  return (
    <ToneTag tone={TONE[status]} testId="course-status">
      {t(`trainingCourses.status.${status}`)}
    </ToneTag>
  );
}
