import { ToneTag, type Tone } from '@/components/tone-tag';
import { Alert, App, Button, Card, Flex, Grid, Input, Modal, Select, Statistic, Table, Typography } from 'antd';
import { TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { isApiError } from '@/lib/api/problem';
import { useHasPermission } from '@/lib/auth/auth';
import { useDebouncedValue } from '@/lib/hooks/use-debounced-value';
import { trainingPaths } from '../../paths';
import { useNominate, useOfficialsToNominate, useParticipants, useWithdraw, type EnrolmentView } from '../api/enrolments';
import '../strings';

const STATUS_TONE: Record<EnrolmentView['status'], Tone> = { Enrolled: 'green', Waitlisted: 'gold', Withdrawn: 'neutral' };

/** Picks an official of the units in scope (server search) and nominates them; a clash can be overridden by a coordinator. */
function NominateModal({ courseId, open, onClose }: { courseId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [officialId, setOfficialId] = useState<string>();
  const [reason, setReason] = useState('');
  const [clash, setClash] = useState<string | null>(null);
  const canOverride = useHasPermission(PERMISSIONS.coursesManage);
  const [search, searchPending] = useDebouncedValue(q);
  const officials = useOfficialsToNominate(search, open);
  const nominate = useNominate(courseId);
  const label = (key: string, options: Record<string, unknown> = {}) => t(`trainingLearning.nominate.${key}`, options);

  const close = () => {
    setOfficialId(undefined);
    setReason('');
    setClash(null);
    nominate.reset();
    onClose();
  };

  const submit = () => {
    if (!officialId) return;
    nominate.mutate(
      { officialId, clashOverrideReason: clash && reason.trim() ? reason.trim() : null },
      {
        onSuccess: (e) => {
          void message.success(
            e.status === 'Waitlisted'
              ? label('doneWaitlisted', { name: e.officialName, position: e.waitlistPosition })
              : label('doneEnrolled', { name: e.officialName }),
          );
          close();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'participant_clash') setClash(error.message);
        },
      },
    );
  };

  const otherError = nominate.error && !(isApiError(nominate.error) && nominate.error.code === 'participant_clash') ? nominate.error : null;
  return (
    <Modal
      open={open}
      title={label('title')}
      okText={label('submit')}
      onOk={submit}
      onCancel={close}
      okButtonProps={{ disabled: !officialId || (!!clash && (!canOverride || !reason.trim())), loading: nominate.isPending }}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <label htmlFor="nominate-official">{label('pick')}</label>
        <Select
          id="nominate-official"
          showSearch={{ filterOption: false, onSearch: setQ }}
          placeholder={label('search')}
          value={officialId}
          onChange={(v) => {
            setOfficialId(v);
            setClash(null);
          }}
          loading={officials.isFetching || searchPending}
          options={(officials.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.fullName} – ${o.position} (${o.unitName ?? ''})` }))}
          style={{ width: '100%' }}
          data-testid="nominate-official"
        />
        {clash ? (
          <Alert type="warning" showIcon title={clash} description={label('clashHint')} data-testid="nominate-clash" />
        ) : null}
        {clash && canOverride ? (
          <Input.TextArea
            aria-label={label('clashReason')}
            placeholder={label('clashReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={1000}
          />
        ) : null}
        {otherError ? <Alert type="error" showIcon title={otherError.message} /> : null}
      </Flex>
    </Modal>
  );
}

function WithdrawModal({ courseId, enrolment, onClose }: { courseId: string; enrolment: EnrolmentView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const withdraw = useWithdraw(courseId);
  const label = (key: string, options: Record<string, unknown> = {}) => t(`trainingLearning.withdraw.${key}`, options);
  const close = () => {
    setReason('');
    withdraw.reset();
    onClose();
  };
  return (
    <Modal
      open={!!enrolment}
      title={enrolment ? label('title', { name: enrolment.officialName }) : ''}
      okText={label('submit')}
      okButtonProps={{ danger: true, loading: withdraw.isPending }}
      onCancel={close}
      onOk={() =>
        enrolment &&
        withdraw.mutate(
          { enrolmentId: enrolment.id, reason: reason.trim() || null },
          {
            onSuccess: (r) => {
              void message.success(r.promoted ? `${label('done')} ${label('promoted', { name: r.promoted.officialName })}` : label('done'));
              close();
            },
          },
        )
      }
      destroyOnHidden
    >
      <Input.TextArea aria-label={label('reason')} placeholder={label('reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      {withdraw.error ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={withdraw.error.message} /> : null}
    </Modal>
  );
}

/** The course detail's participants: nomination with live capacity and waitlist, withdrawal, the way to the attendance sheet. */
export function CourseParticipantsSlot({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const query = useParticipants(courseId);
  const canNominate = useHasPermission(PERMISSIONS.nominate);
  const canRecord = useHasPermission(PERMISSIONS.attendanceRecord);
  const [nominating, setNominating] = useState(false);
  const [withdrawing, setWithdrawing] = useState<EnrolmentView | null>(null);
  const label = (key: string, options: Record<string, unknown> = {}) => t(`trainingLearning.participants.${key}`, options);
  const phone = Grid.useBreakpoint().md === false;

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const open = data.status === 'OpenForNomination';
  const changeable = data.status !== 'Completed' && data.status !== 'Cancelled';

  return (
    <Card
      data-testid="course-participants"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          <TeamOutlined /> {label('title')}
        </Typography.Title>
      }
      extra={
        <Flex gap={8} wrap>
          {canRecord && (data.status === 'Running' || data.status === 'Completed') ? (
            <Link to={`${trainingPaths.courses}/${courseId}/attendance`}>{label('attendance')}</Link>
          ) : null}
          {canNominate && open ? (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setNominating(true)}>
              {label('nominate')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Flex gap={32} wrap style={{ marginBottom: 16 }}>
        <Statistic title={label('capacity')} value={data.capacity} data-testid="participants-capacity" />
        <Statistic title={label('enrolled')} value={data.enrolledCount} suffix={`/ ${data.capacity}`} data-testid="participants-enrolled" />
        <Statistic title={label('waitlist')} value={data.waitlistCount} data-testid="participants-waitlist" />
      </Flex>
      {!data.seesAll ? <Typography.Paragraph type="secondary">{label('ownOnly')}</Typography.Paragraph> : null}
      {/* #16: on a phone the status and "Rút tên" are to the right of the screen; say so, and keep the name in view. */}
      {phone && data.items.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="participants-scroll-hint">
          {label('scrollHint')}
        </Typography.Paragraph>
      ) : null}
      <Table<EnrolmentView>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data.items}
        locale={{ emptyText: <EmptyState description={label('empty')} /> }}
        columns={[
          {
            title: label('name'),
            dataIndex: 'officialName',
            fixed: phone ? 'left' : undefined,
            render: (name: string, e) => (
              <>
                {name}
                {e.clashOverrideReason ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {label('overridden', { reason: e.clashOverrideReason })}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          { title: label('position'), dataIndex: 'officialPosition' },
          {
            title: label('status'),
            key: 'status',
            render: (_, e) => (
              <ToneTag tone={STATUS_TONE[e.status]}>
                {e.status === 'Waitlisted' && e.waitlistPosition ? label('waitingAt', { position: e.waitlistPosition }) : label(`statuses.${e.status}`)}
              </ToneTag>
            ),
          },
          ...(canNominate && changeable
            ? [
                {
                  key: 'actions',
                  render: (_: unknown, e: EnrolmentView) =>
                    e.status !== 'Withdrawn' ? (
                      <Button size="small" onClick={() => setWithdrawing(e)} aria-label={`${label('withdraw')} ${e.officialName}`}>
                        {label('withdraw')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <NominateModal courseId={courseId} open={nominating} onClose={() => setNominating(false)} />
      <WithdrawModal courseId={courseId} enrolment={withdrawing} onClose={() => setWithdrawing(null)} />
    </Card>
  );
}
