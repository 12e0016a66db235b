import '../strings';
import { App, Button, Checkbox, DatePicker, Descriptions, Flex, Form, Input, Modal, Popconfirm, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useDocumentTitle } from '@/components/page/form-page';
import { ErrorState, LoadingState } from '@/components/states';
import { formatIsoDate, toIsoDate } from '@/lib/format/date';
import {
  downloadHonourCertificate, downloadHonourList, useDeleteHonouringEvent, useHonourableDecisions, useHonouringEvent, useRevokeHonourCertificate, useUpdateHonouringEvent,
  type HonouringEventDetail,
} from '../api/honouring';
import { HonoureesTable } from '../components/honourees-table';
import { commendationPaths } from '../paths';

type EditValues = { name: string; heldOn: Dayjs; venue: string; decisionIds: string[] };

/**
 * Renames, reschedules or moves the event before its day, and changes the decisions it honours (picked among its own and
 * those the unit made that no event honours yet, never typed); the server refuses once it has been held.
 */
function EditEventModal({ event, open, onClose }: { event: HonouringEventDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateHonouringEvent(event);
  const honourable = useHonourableDecisions(event.unitId);
  const f = (k: string) => t(`honouring.fields.${k}`);
  // Both kinds labelled alike: number, date, form, year and the first honourees' names.
  const label = (d: { decisionNumber: string; decisionDate: string; formName: string; year: number; names: string }) =>
    `${d.decisionNumber} (${formatIsoDate(d.decisionDate)}) — ${d.formName} ${d.year}: ${d.names}`;
  const choices = [
    ...event.decisions.map((d) => ({ id: d.proposalId, label: label(d) })),
    ...(honourable.data ?? []).filter((d) => !event.decisions.some((x) => x.proposalId === d.proposalId)).map((d) => ({ id: d.proposalId, label: label(d) })),
  ];
  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  return (
    <Modal
      open={open}
      title={t('honouring.edit')}
      okText={t('honouring.saveChanges')}
      okButtonProps={{ loading: update.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: event.name, heldOn: dayjs(event.heldOn), venue: event.venue, decisionIds: event.decisions.map((d) => d.proposalId) }}
        onFinish={(v) =>
          update.mutate(
            { name: v.name.trim(), heldOn: toIsoDate(v.heldOn), venue: v.venue.trim(), decisionIds: v.decisionIds },
            { onSuccess: onClose },
          )
        }
      >
        <ServerErrorAlert error={update.error} />
        <Form.Item name="name" label={f('name')} rules={required}>
          <Input maxLength={300} data-testid="edit-honouring-name" />
        </Form.Item>
        <Form.Item name="heldOn" label={f('heldOn')} rules={[{ required: true, message: t('form.required') }]}>
          <DatePicker format="DD/MM/YYYY" aria-label={f('heldOn')} data-testid="edit-honouring-date" />
        </Form.Item>
        <Form.Item name="venue" label={f('venue')} rules={required}>
          <Input maxLength={300} data-testid="edit-honouring-venue" />
        </Form.Item>
        <Form.Item
          name="decisionIds"
          label={f('decisionIds')}
          extra={t('honouring.decisionsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('form.required') }]}
        >
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="edit-honouring-decisions">
            {choices.map((c) => (
              <Checkbox key={c.id} value={c.id}>
                {c.label}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** An honouring event: its decisions, its honourees with their certificates, the honour list to print. */
export function HonouringDetailRoute() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useHonouringEvent(eventId);
  const e = query.data;
  const revoke = useRevokeHonourCertificate({ id: eventId, version: e?.version ?? 0 });
  const remove = useDeleteHonouringEvent({ id: eventId, version: e?.version ?? 0 });
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const f = (k: string) => t(`honouring.fields.${k}`);
  useDocumentTitle(e?.name ?? t('honouring.event'));
  if (query.isLoading) return <LoadingState />;
  if (query.error || !e) return <ErrorState error={query.error} />;

  const download = (key: string, run: () => Promise<void>) => {
    setBusy(key);
    void run()
      .catch(() => void message.error(t('honouring.downloadFailed')))
      .finally(() => setBusy(null));
  };

  return (
    <>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0, flex: '1 1 280px' }}>
          {e.name}
        </Typography.Title>
        <Flex gap={8} wrap>
          {e.canManage && !e.held ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-honouring-event">
                {t('honouring.edit')}
              </Button>
              <Popconfirm
                title={t('honouring.deleteConfirm')}
                description={t('honouring.deleteHint')}
                okText={t('honouring.delete')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutateAsync().then(() => {
                    void message.success(t('honouring.deleted'));
                    navigate(commendationPaths.honouring);
                  })
                }
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="delete-honouring-event">
                  {t('honouring.delete')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
          <Button icon={<DownloadOutlined />} loading={busy === 'list'} data-testid="download-honour-list" onClick={() => download('list', () => downloadHonourList(e.id))}>
            {t('honouring.downloadList')}
          </Button>
        </Flex>
      </Flex>
      {e.canManage && e.held ? <Typography.Paragraph type="secondary">{t('honouring.heldHint')}</Typography.Paragraph> : null}
      <ServerErrorAlert error={remove.error} />
      {editing ? <EditEventModal event={e} open={editing} onClose={() => setEditing(false)} /> : null}
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        bordered
        items={[
          { key: 'unit', label: f('unit'), children: e.unitName },
          { key: 'heldOn', label: f('heldOn'), children: formatIsoDate(e.heldOn) },
          { key: 'venue', label: f('venue'), children: e.venue },
          {
            key: 'decisions', label: t('honouring.decisions'),
            children: e.decisions.map((d) => `${d.decisionNumber} (${formatIsoDate(d.decisionDate)}) — ${d.formName}`).join('; '),
          },
        ]}
      />
      <Typography.Title level={3} style={{ marginTop: 24 }}>
        {t('honouring.honourees')}
      </Typography.Title>
      <ServerErrorAlert error={revoke.error} />
      <HonoureesTable
        event={e}
        busy={busy}
        onDownload={(h) => download(h.certificateId, () => downloadHonourCertificate(h.certificateId))}
        revokeReason={reason}
        onRevokeReason={setReason}
        onRevoke={(h) => revoke.mutateAsync({ certificateId: h.certificateId, reason: reason.trim() }).then(() => setReason(''))}
      />
    </>
  );
}

export { HonouringDetailRoute as Component };
