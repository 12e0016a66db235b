import type React from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CourseStatus } from '../api/courses';

/** Dark text on light fills: AntD's preset tag colours fall short of WCAG AA contrast for small text. */
const STYLES: Record<CourseStatus, React.CSSProperties> = {
  Proposed: { color: '#434343', background: '#fafafa', borderColor: '#d9d9d9' },
  Confirmed: { color: '#0958d9', background: '#e6f4ff', borderColor: '#91caff' },
  OpenForNomination: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' },
  Running: { color: '#391085', background: '#f9f0ff', borderColor: '#d3adf7' },
  Completed: { color: '#10239e', background: '#f0f5ff', borderColor: '#adc6ff' },
  Cancelled: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
};

export function CourseStatusTag({ status }: { status: CourseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag style={STYLES[status]} data-testid="course-status">
      {t(`trainingCourses.status.${status}`)}
    </Tag>
  );
}
