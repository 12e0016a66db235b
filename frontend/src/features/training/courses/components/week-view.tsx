import { Button, Card, Empty, Grid, Space, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../api/courses';
import { local, timeRange, weekStart } from './time';

/** The week to show first: the one holding the next scheduled session, else the last one, else this week. */
function initialWeek(sessions: SessionView[]) {
  const now = Date.now();
  const scheduled = sessions.filter((s) => s.status === 'Scheduled');
  const next = scheduled.find((s) => new Date(s.endsAt).getTime() >= now) ?? scheduled.at(-1) ?? sessions.at(-1);
  return weekStart(next?.startsAt);
}

function SessionCard({ session, actions }: { session: SessionView; actions?: (s: SessionView) => React.ReactNode }) {
  const { t } = useTranslation();
  const cancelled = session.status === 'Cancelled';
  return (
    <div
      data-testid="week-session"
      style={{
        border: '1px solid #d9d9d9',
        borderLeft: `4px solid ${cancelled ? '#bfbfbf' : '#1677ff'}`,
        borderRadius: 6,
        padding: 6,
        marginBottom: 6,
        background: '#fff',
        textDecoration: cancelled ? 'line-through' : undefined,
      }}
    >
      <Typography.Text strong>{timeRange(session.startsAt, session.endsAt)}</Typography.Text>
      <div style={{ overflowWrap: 'anywhere' }}>{session.topic}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {session.room}
        {session.instructorName ? ` · ${session.instructorName}` : ''}
      </Typography.Text>
      {cancelled && <Tag style={{ color: '#434343' }}>{t('trainingCourses.session.cancelled')}</Tag>}
      {!cancelled && actions?.(session)}
    </div>
  );
}

/**
 * The course's sessions on a 7-day grid by Vietnam day (Monday first), navigable by week; on a phone, a list
 * of the same week's sessions.
 */
export function WeekView({ sessions, actions }: { sessions: SessionView[]; actions?: (s: SessionView) => React.ReactNode }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [start, setStart] = useState(() => initialWeek(sessions));
  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => start.add(i, 'day')), [start]);
  const inWeek = sessions.filter((s) => {
    const d = local(s.startsAt);
    return !d.isBefore(start) && d.isBefore(start.add(7, 'day'));
  });
  const wide = screens.md ?? true;
  return (
    <Card
      size="small"
      title={t('trainingCourses.week.range', { from: start.format('DD/MM'), to: start.add(6, 'day').format('DD/MM/YYYY') })}
      data-testid="week-view"
      extra={
        <Space wrap>
          <Button size="small" icon={<LeftOutlined />} aria-label={t('trainingCourses.week.previous')} onClick={() => setStart(start.subtract(7, 'day'))} />
          <Button size="small" onClick={() => setStart(weekStart())}>
            {t('trainingCourses.week.thisWeek')}
          </Button>
          <Button size="small" icon={<RightOutlined />} aria-label={t('trainingCourses.week.next')} onClick={() => setStart(start.add(7, 'day'))} />
        </Space>
      }
    >
      {wide ? (
        <ol
          aria-label={t('trainingCourses.week.title')}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4, listStyle: 'none', padding: 0, margin: 0 }}
        >
          {days.map((day) => {
            const key = day.format('YYYY-MM-DD');
            return (
              <li key={key} data-testid={`week-day-${key}`} style={{ minHeight: 120, background: '#fafafa', borderRadius: 6, padding: 4 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12, textTransform: 'capitalize' }}>
                  {day.format('ddd DD/MM')}
                </Typography.Text>
                {inWeek
                  .filter((s) => local(s.startsAt).format('YYYY-MM-DD') === key)
                  .map((s) => (
                    <SessionCard key={s.id} session={s} actions={actions} />
                  ))}
              </li>
            );
          })}
        </ol>
      ) : inWeek.length === 0 ? (
        <Empty description={t('trainingCourses.week.empty')} />
      ) : (
        <ul aria-label={t('trainingCourses.week.list')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {inWeek.map((s) => (
            <li key={s.id}>
              <Typography.Text type="secondary" style={{ textTransform: 'capitalize' }}>
                {local(s.startsAt).format('dddd DD/MM')}
              </Typography.Text>
              <SessionCard session={s} actions={actions} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
