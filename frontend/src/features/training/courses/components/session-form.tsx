import { Alert, AutoComplete, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { dayjs } from '@/lib/format/date';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { isApiError } from '@/lib/api/problem';
import { foldForSearch, matchesSearch } from '@/lib/text/normalize';
import { usePartner, usePartnerVenues } from '../api/partners';
import type { SessionInput, SessionView } from '../api/courses';
import { local, toOffsetIso } from './time';

interface Values {
  topic: string;
  day: Dayjs;
  start: string;
  end: string;
  room: string;
  instructorId?: string | null;
}

const FIELDS = ['topic', 'day', 'start', 'end', 'room', 'instructorId'] as const;
/** The API names the times startsAt/endsAt; the form types them as a day and two times. */
const ALIASES = { startsAt: 'start', endsAt: 'end' } as const;

interface Clash {
  kind: 'room' | 'instructor';
  courseCode: string;
  courseTitle: string;
  localTime: string;
  room: string;
  instructorName?: string | null;
}

/** The conflicting session the server named in its 409 session_clash. */
export function ClashAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error, 409) || error.code !== 'session_clash') return null;
  const clash = error.problem.clash as Clash | undefined;
  if (!clash) return <Alert type="error" showIcon title={t('trainingCourses.session.clashTitle')} description={error.message} />;
  const args = { code: clash.courseCode, title: clash.courseTitle, time: clash.localTime, room: clash.room, instructor: clash.instructorName };
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="session-clash"
      title={t('trainingCourses.session.clashTitle')}
      description={t(clash.kind === 'room' ? 'trainingCourses.session.clashRoom' : 'trainingCourses.session.clashInstructor', args)}
    />
  );
}

/** Adds or moves a session; times are typed in Vietnam time and sent with their +07:00 offset. */
export function SessionForm({
  open,
  partnerId,
  session,
  saving,
  error,
  onSubmit,
  onClose,
}: {
  open: boolean;
  partnerId: string;
  session?: SessionView;
  saving: boolean;
  error: unknown;
  onSubmit: (input: SessionInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const partner = usePartner(open ? partnerId : undefined);
  // The partner's venues are offered as the room is typed; a name not among them is a new venue, and says so.
  const venues = usePartnerVenues(open ? partnerId : undefined);
  const typedRoom = Form.useWatch('room', form) ?? '';
  const venueKey = (name: string) => foldForSearch(name).replace(/[^\p{L}\p{N}]/gu, '');
  const isNewVenue = !!venueKey(typedRoom) && !!venues.data && !venues.data.some((v) => venueKey(v) === venueKey(typedRoom));
  const isClash = isApiError(error, 409) && error.code === 'session_clash';
  // The server's field messages (a session ending before its start, or lasting over 12 hours) land on their fields.
  const leftover = useServerErrors(form, isClash ? null : error, FIELDS, ALIASES);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (session)
      form.setFieldsValue({
        topic: session.topic,
        day: dayjs(local(session.startsAt).format('YYYY-MM-DD')),
        start: local(session.startsAt).format('HH:mm'),
        end: local(session.endsAt).format('HH:mm'),
        room: session.room,
        instructorId: session.instructorId ?? null,
      });
  }, [open, session, form]);

  return (
    <Modal
      open={open}
      title={t(session ? 'trainingCourses.actions.reschedule' : 'trainingCourses.actions.schedule')}
      okText={t('trainingCourses.partners.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'session-save' } as Record<string, string>}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          onSubmit({
            topic: v.topic.trim(),
            startsAt: toOffsetIso(v.day.format('YYYY-MM-DD'), v.start),
            endsAt: toOffsetIso(v.day.format('YYYY-MM-DD'), v.end),
            room: v.room.trim(),
            instructorId: v.instructorId || null,
          })
        }
      >
        <ClashAlert error={error} />
        {!isClash && <ServerErrorAlert error={error} leftoverMessages={leftover} />}
        <Form.Item name="topic" label={t('trainingCourses.session.topic')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} data-testid="session-topic" />
        </Form.Item>
        <Form.Item name="day" label={t('trainingCourses.session.day')} rules={[{ required: true }]} extra={t('trainingCourses.session.timeZoneHint')}>
          <DatePicker format="DD/MM/YYYY" data-testid="session-day" style={{ width: '100%' }} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="start" label={t('trainingCourses.session.start')} rules={[{ required: true }]} style={{ flex: '1 1 120px' }}>
            <Input type="time" data-testid="session-start" />
          </Form.Item>
          <Form.Item name="end" label={t('trainingCourses.session.end')} rules={[{ required: true }]} style={{ flex: '1 1 120px' }}>
            <Input type="time" data-testid="session-end" />
          </Form.Item>
        </div>
        <Form.Item
          name="room"
          label={t('trainingCourses.session.room')}
          rules={[{ required: true, whitespace: true }]}
          extra={
            isNewVenue ? (
              <span data-testid="session-room-new">{t('trainingCourses.session.newVenue')}</span>
            ) : (
              t('trainingCourses.session.venueHint')
            )
          }
        >
          <AutoComplete
            options={(venues.data ?? []).map((v) => ({ value: v }))}
            filterOption={(typed, option) => matchesSearch(String(option?.value ?? ''), typed)}
          >
            <Input maxLength={200} data-testid="session-room" />
          </AutoComplete>
        </Form.Item>
        <Form.Item name="instructorId" label={t('trainingCourses.session.instructor')}>
          <Select
            allowClear
            data-testid="session-instructor"
            placeholder={t('trainingCourses.session.noInstructor')}
            options={(partner.data?.instructors ?? []).map((i) => ({ value: i.id, label: i.fullName }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
