import '../strings';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Modal, Popconfirm, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { formatIsoDate } from '@/lib/format/date';
import { useHasPermission } from '@/lib/auth/auth';
import { PERMISSIONS } from '@/config/permissions';
import { CourseParticipantsSlot } from '../../learning/components/course-participants-slot';
import { CourseCertificates } from '../../learning/components/course-certificates';
import { AddToCalendar } from '@/components/calendar/add-to-calendar';
import {
  cancelSession,
  rescheduleSession,
  runCourseStep,
  scheduleSession,
  useCourse,
  useCourseMutation,
  type CourseDetail,
  type CourseStep,
  type ReasonStep,
  type SessionInput,
  type SessionView,
} from '../api/courses';
import { CourseStatusTag } from '../components/course-status-tag';
import { LifecycleSteps } from '../components/lifecycle-steps';
import { SessionForm } from '../components/session-form';
import { WeekView } from '../components/week-view';
import { coursePaths } from '../paths';

/** The state each lifecycle step moves the course to (for the message saying what happened). */
const STEP_TO: Record<CourseStep | 'cancel' | 'decline', string> = {
  confirm: 'Confirmed',
  open: 'OpenForNomination',
  start: 'Running',
  cancel: 'Cancelled',
  decline: 'Cancelled',
};

/** The lifecycle buttons the caller may press now (the server says which, by right and by state). */
function StepButtons({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  // The step whose reason the modal asks for: the coordinator's cancellation, the partner's decline or change request (#16).
  const [asking, setAsking] = useState<ReasonStep | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const step = useCourseMutation((s: { step: CourseStep | ReasonStep; reason?: string }) => runCourseStep(course, s.step, s.reason));
  const run = (s: CourseStep | ReasonStep, reason?: string) =>
    step.mutate(
      { step: s, reason },
      {
        onSuccess: () => {
          // The next reason starts empty (one form serves the three steps).
          if (asking) form.resetFields();
          setAsking(null);
          // Say what happened, not just "saved" (#16).
          void message.success(
            s === 'requestChanges'
              ? t('trainingCourses.actions.changesSent')
              : t('trainingCourses.actions.movedTo', { status: t(`trainingCourses.status.${STEP_TO[s]}`) }),
          );
        },
      },
    );
  const buttons: { key: CourseStep; allowed: boolean }[] = [
    { key: 'confirm', allowed: course.can.confirm },
    { key: 'open', allowed: course.can.open },
    { key: 'start', allowed: course.can.start },
  ];
  const reasonButtons: { key: ReasonStep; allowed: boolean; danger: boolean }[] = [
    { key: 'requestChanges', allowed: course.can.requestChanges, danger: false },
    { key: 'decline', allowed: course.can.decline, danger: true },
    { key: 'cancel', allowed: course.can.cancel, danger: true },
  ];
  if (!buttons.some((b) => b.allowed) && !reasonButtons.some((b) => b.allowed) && !course.can.edit && !step.error) return null;
  const a = (key: string, options: Record<string, unknown> = {}) => t(`trainingCourses.actions.${key}`, options);
  return (
    <>
      {!asking && <ServerErrorAlert error={step.error} />}
      <Space wrap>
        {buttons
          .filter((b) => b.allowed)
          .map((b) => (
            // An irreversible step: confirm first, saying what it does (#16).
            <Popconfirm
              key={b.key}
              title={a(`${b.key}Title`, { code: course.code })}
              description={<div style={{ maxWidth: 320 }}>{a(`${b.key}Consequence`)}</div>}
              okText={a(b.key)}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': `course-${b.key}-ok` } as Record<string, string>}
              onConfirm={() => run(b.key)}
            >
              <Button type="primary" data-testid={`course-${b.key}`} loading={step.isPending && step.variables?.step === b.key}>
                {a(b.key)}
              </Button>
            </Popconfirm>
          ))}
        {course.can.edit && (
          <Button data-testid="course-edit" onClick={() => navigate(`${coursePaths.course(course.id)}/edit`)}>
            {t('trainingCourses.edit.action')}
          </Button>
        )}
        {reasonButtons
          .filter((b) => b.allowed)
          .map((b) => (
            <Button key={b.key} danger={b.danger} data-testid={`course-${b.key}`} onClick={() => setAsking(b.key)}>
              {a(b.key)}
            </Button>
          ))}
      </Space>
      <Modal
        open={asking !== null}
        title={asking ? a(`${asking}Title`, { code: course.code }) : ''}
        okText={asking ? a(asking) : ''}
        okButtonProps={{ danger: asking !== 'requestChanges', ...({ 'data-testid': 'reason-confirm' } as Record<string, string>) }}
        confirmLoading={step.isPending}
        onOk={() => form.submit()}
        onCancel={() => {
          form.resetFields();
          setAsking(null);
        }}
        destroyOnHidden
      >
        {asking && <Typography.Paragraph>{a(`${asking}Hint`)}</Typography.Paragraph>}
        <ServerErrorAlert error={step.error} />
        <Form form={form} layout="vertical" onFinish={(v) => asking && run(asking, v.reason.trim())}>
          <Form.Item
            name="reason"
            label={asking ? a(`${asking}Reason`) : ''}
            rules={[{ required: true, whitespace: true, message: asking ? a(`${asking}ReasonRequired`) : '' }]}
          >
            <Input.TextArea rows={3} maxLength={asking === 'decline' ? 900 : 1000} data-testid="step-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The timetable: a week grid (a list on phones), with adding, moving and cancelling sessions for those who schedule. */
function Timetable({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<SessionView | 'new' | null>(null);
  const save = useCourseMutation((input: SessionInput) =>
    editing && editing !== 'new' ? rescheduleSession(course.id, editing, input) : scheduleSession(course.id, input),
  );
  const cancel = useCourseMutation((id: string) => cancelSession(course.id, id));
  const close = () => {
    setEditing(null);
    save.reset();
  };
  return (
    <Card
      size="small"
      title={t('trainingCourses.detail.sessions')}
      extra={
        <Space wrap>
          {course.sessions.length > 0 && course.status !== 'Cancelled' && (
            <AddToCalendar target={{ kind: 'course', courseId: course.id }} fileName={`${course.code}.ics`} />
          )}
          {course.can.schedule && (
            <Button type="primary" data-testid="session-add" onClick={() => setEditing('new')}>
              {t('trainingCourses.actions.schedule')}
            </Button>
          )}
        </Space>
      }
    >
      {course.sessions.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('trainingCourses.detail.noSessions')}</Typography.Paragraph>
      ) : (
        <WeekView
          key={course.sessions.length}
          sessions={course.sessions}
          actions={
            course.can.schedule
              ? (s) => (
                  <Space size={4} wrap>
                    <Button size="small" type="link" onClick={() => setEditing(s)}>
                      {t('trainingCourses.actions.reschedule')}
                    </Button>
                    <Popconfirm title={t('trainingCourses.actions.cancelSessionConfirm')} onConfirm={() => cancel.mutate(s.id)}>
                      <Button size="small" type="link" danger style={{ color: '#a8071a' }}>
                        {t('trainingCourses.actions.cancelSession')}
                      </Button>
                    </Popconfirm>
                  </Space>
                )
              : undefined
          }
        />
      )}
      <SessionForm
        open={editing !== null}
        partnerId={course.partnerId}
        session={editing && editing !== 'new' ? editing : undefined}
        saving={save.isPending}
        error={save.error}
        onSubmit={(input) => save.mutate(input, { onSuccess: close })}
        onClose={close}
      />
    </Card>
  );
}

/** A course: details, lifecycle and its actions, the timetable, and (slice C) its participants. */
export function CourseDetailRoute() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const query = useCourse(courseId);
  const course = query.data;
  // Certificates are issued and listed by the coordinator and the course's partner staff.
  const canManageCourses = useHasPermission(PERMISSIONS.coursesManage);
  const isPartnerStaff = useHasPermission(PERMISSIONS.partnerWork);

  useEffect(() => {
    if (course) document.title = `${course.code} · ${t('app.name')}`;
  }, [course, t]);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!course) return <LoadingState />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
            {course.code} – {course.title}
          </Typography.Title>
        }
        extra={<CourseStatusTag status={course.status} />}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <StepButtons course={course} />
          {course.changesRequested && (
            <Alert
              type="warning"
              showIcon
              data-testid="changes-requested"
              title={t('trainingCourses.detail.changesRequested', { by: course.changesRequestedBy ?? '' })}
              description={<span style={{ overflowWrap: 'anywhere' }}>{course.changesRequested}</span>}
            />
          )}
          {course.cancellationReason && (
            <Typography.Text type="danger">{t('trainingCourses.detail.cancelledBecause', { reason: course.cancellationReason })}</Typography.Text>
          )}
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
            items={[
              { key: 'partner', label: t('trainingCourses.fields.partner'), children: <Link to={coursePaths.partner(course.partnerId)}>{course.partnerName}</Link> },
              { key: 'unit', label: t('trainingCourses.fields.requestingUnit'), children: course.requestingUnitName ?? '—' },
              { key: 'subject', label: t('trainingCourses.fields.subject'), children: t(`trainingCourses.subject.${course.subject}`) },
              {
                key: 'window',
                label: t('trainingCourses.fields.enrolment'),
                children: `${formatIsoDate(course.enrolmentOpensOn)} – ${formatIsoDate(course.enrolmentClosesOn)}`,
              },
              { key: 'capacity', label: t('trainingCourses.fields.capacity'), children: course.capacity },
              {
                key: 'seats',
                label: t('trainingCourses.fields.enrolled'),
                children: (
                  <span data-testid="course-seats">
                    {course.enrolled} · {t('trainingCourses.fields.waitlisted')}: {course.waitlisted} · {t('trainingCourses.fields.capacityLeft')}:{' '}
                    {course.capacityLeft}
                  </span>
                ),
              },
              { key: 'venue', label: t('trainingCourses.fields.venue'), children: course.venue ?? '—' },
              { key: 'audience', label: t('trainingCourses.fields.audience'), children: course.audience ?? '—' },
              {
                key: 'fee',
                label: t('trainingCourses.fields.fee'),
                children: `${course.fee.toLocaleString('vi-VN')} · ${t(`trainingCourses.feePayer.${course.feePaidBy}`)}`,
              },
              {
                key: 'funding',
                label: t('trainingCourses.fields.fundingAllocation'),
                children: <span data-testid="course-funding-label">{course.fundingAllocationLabel ?? course.fundingReference ?? '—'}</span>,
              },
            ]}
          />
          {course.description && <Typography.Paragraph style={{ overflowWrap: 'anywhere' }}>{course.description}</Typography.Paragraph>}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Timetable course={course} />
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={t('trainingCourses.detail.lifecycle')}>
            <LifecycleSteps course={course} />
          </Card>
        </Col>
      </Row>
      <CourseParticipantsSlot courseId={course.id} />
      {course.status === 'Completed' && (canManageCourses || isPartnerStaff) && <CourseCertificates courseId={course.id} completed />}
    </Space>
  );
}

export { CourseDetailRoute as Component };
