import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CourseStatus } from '../api/courses';

const colors: Record<CourseStatus, string> = {
  Proposed: 'default',
  Confirmed: 'blue',
  OpenForNomination: 'green',
  Running: 'processing',
  Completed: 'purple',
  Cancelled: 'red',
};

export function CourseStatusTag({ status }: { status: CourseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="course-status">
      {t(`trainingCourses.status.${status}`)}
    </Tag>
  );
}
