import { ToneTag, type Tone } from '@/components/tone-tag';
import { Card, List, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDate } from '@/lib/format/date';
import { AddToCalendar } from '@/components/calendar/add-to-calendar';
import { CertificateSlot } from '../components/certificate-slot';
import { trainingPaths } from '../../paths';
import { useMyEnrolments, type MyEnrolment } from '../api/enrolments';
import '../strings';

const RESULT_TONE = { Pending: 'neutral', Completed: 'green', NotCompleted: 'red' } as const satisfies Record<string, Tone>;

/**
 * What a result still pending means to the learner (#16: a course that has not started is not "Đang học"): not
 * started before the first session, learning until the last one ends, then waiting for the result.
 */
function pendingLabel(item: MyEnrolment, now: number): 'NotStarted' | 'Pending' | 'AwaitingResult' {
  if (!item.startsAt || Date.parse(item.startsAt) > now) return 'NotStarted';
  if (item.endsAt && Date.parse(item.endsAt) < now) return 'AwaitingResult';
  return 'Pending';
}
const STATUS_TONE = { Enrolled: 'blue', Waitlisted: 'gold', Withdrawn: 'neutral' } as const satisfies Record<string, Tone>;

function Dates({ item }: { item: MyEnrolment }) {
  if (!item.startsAt) return null;
  const from = formatDate(item.startsAt);
  const to = item.endsAt ? formatDate(item.endsAt) : from;
  return <>{from === to ? from : `${from} – ${to}`}</>;
}

/** The signed-in person's trainings (matched by their e-mail): course, dates, status, result, certificate when completed. */
export function MyTrainingsRoute() {
  const { t } = useTranslation();
  const query = useMyEnrolments();
  const label = (key: string, options: Record<string, unknown> = {}) => t(`trainingLearning.my.${key}`, options);
  useEffect(() => {
    document.title = `${t('trainingLearning.my.title')} · ${t('app.name')}`;
  }, [t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {label('title')}
        </Typography.Title>
      }
      extra={query.data.length > 0 ? <AddToCalendar target={{ kind: 'me' }} fileName="lich-hoc-cua-toi.ics" /> : null}
    >
      {query.data.length === 0 ? (
        <EmptyState description={label('empty')} />
      ) : (
        <List
          data-testid="my-trainings"
          dataSource={query.data}
          renderItem={(item) => (
            <List.Item key={item.enrolmentId} extra={item.result === 'Completed' ? <CertificateSlot enrolmentId={item.enrolmentId} /> : null}>
              <List.Item.Meta
                // The card opens the course: its sessions, rooms and times (#16).
                title={<Link to={`${trainingPaths.courses}/${item.courseId}`}>{`${item.courseCode} – ${item.courseTitle}`}</Link>}
                description={
                  <>
                    <div>
                      {label('partner')}: {item.partnerName}
                    </div>
                    {item.startsAt ? (
                      <div>
                        {label('dates')}: <Dates item={item} />
                      </div>
                    ) : null}
                    {item.venue ? (
                      <div>
                        {label('venue')}: {item.venue}
                      </div>
                    ) : null}
                  </>
                }
              />
              <div>
                <ToneTag tone={STATUS_TONE[item.status]}>
                  {item.status === 'Waitlisted' && item.waitlistPosition
                    ? t('trainingLearning.participants.waitingAt', { position: item.waitlistPosition })
                    : t(`trainingLearning.participants.statuses.${item.status}`)}
                </ToneTag>
                {item.status === 'Enrolled' ? (
                  <ToneTag tone={RESULT_TONE[item.result]} testId={`my-result-${item.enrolmentId}`}>
                    {t(`trainingLearning.results.${item.result === 'Pending' ? pendingLabel(item, Date.now()) : item.result}`)}
                  </ToneTag>
                ) : null}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export { MyTrainingsRoute as Component };
