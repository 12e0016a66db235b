import '../strings';
import { App, Button, Checkbox, Drawer, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { ErrorState } from '@/components/states';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { formatDateTime } from '@/lib/format/date';
import { useClients } from '../api/clients';
import {
  createSubscription,
  redeliver,
  sendTestEvent,
  setSubscriptionDisabled,
  useDeliveries,
  useEventTypes,
  useSubscriptions,
  useWebhookMutation,
  type DeliveryView,
  type SubscriptionView,
} from '../api/webhooks';
import { AdminSections } from '../components/admin-sections';
import { EnableToggle, EnabledTag } from '../components/enable-toggle';
import { SecretModal } from '../components/secret-modal';

const STATUS_COLORS: Record<string, string> = { Pending: 'gold', Delivered: 'green', Failed: 'red' };

interface SubscriptionFormValues {
  clientId?: string;
  url: string;
  eventTypes: string[];
  description?: string;
}

/** A subscription's delivery log with its status, and a redelivery of any line. */
function DeliveryLog({ subscription, onClose }: { subscription?: SubscriptionView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const log = useDeliveries(subscription?.id, { page, pageSize: 20 });
  const again = useWebhookMutation(redeliver);
  return (
    <Drawer
      open={!!subscription}
      onClose={onClose}
      title={t('admin.webhooks.logTitle', { url: subscription?.url ?? '' })}
      size="large"
      styles={{ wrapper: { maxWidth: '100vw' } }}
    >
      {log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Table<DeliveryView>
          rowKey="id"
          size="small"
          data-testid="delivery-table"
          loading={log.isPending}
          dataSource={log.data?.items ?? []}
          locale={{ emptyText: t('admin.webhooks.noDeliveries') }}
          pagination={{ current: page, pageSize: 20, total: log.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          scroll={{ x: true }}
          columns={[
            { title: t('admin.webhooks.time'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
            { title: t('admin.webhooks.eventType'), dataIndex: 'eventType', render: (e: string) => <code>{e}</code> },
            {
              title: t('admin.common.status'),
              dataIndex: 'status',
              render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`admin.webhooks.deliveryStatus.${s}`)}</Tag>,
            },
            { title: t('admin.webhooks.attempts'), dataIndex: 'attempts', responsive: ['sm'] },
            { title: t('admin.webhooks.lastStatus'), dataIndex: 'lastStatusCode', responsive: ['sm'], render: (c: number | null) => c ?? '—' },
            { title: t('admin.webhooks.error'), dataIndex: 'lastError', responsive: ['md'], render: (e: string | null) => e ?? '' },
            {
              title: t('admin.common.actions'),
              key: 'actions',
              render: (_: unknown, d) => (
                <Button
                  size="small"
                  onClick={() =>
                    again.mutate({ id: d.subscriptionId, deliveryId: d.id }, { onSuccess: () => void message.success(t('admin.webhooks.redelivered')) })
                  }
                >
                  {t('admin.webhooks.redeliver')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}

/** Webhook subscriptions of the integrator clients: subscribe (the whsec_ secret is shown once), the delivery log, test events. */
export function WebhookListRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SubscriptionFormValues>();
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: '-createdAt' });
  const query = useSubscriptions({ page: params.page, pageSize: params.pageSize, ...(params.q ? { q: params.q } : {}) });
  const clients = useClients({ page: 1, pageSize: 100 });
  const eventTypes = useEventTypes();
  const [open, setOpen] = useState(false);
  const [logOf, setLogOf] = useState<SubscriptionView>();
  const [secret, setSecret] = useState<string>();
  const [idempotencyKey, settleKey] = useIdempotencyKey();
  const [testKey, settleTestKey] = useIdempotencyKey();
  const create = useWebhookMutation(createSubscription);
  const toggle = useWebhookMutation(setSubscriptionDisabled);
  const test = useWebhookMutation(sendTestEvent);

  useEffect(() => {
    document.title = `${t('admin.webhooks.title')} · ${t('app.name')}`;
  }, [t]);

  const submit = (v: SubscriptionFormValues) =>
    create.mutate(
      { data: { clientId: v.clientId!, url: v.url.trim(), eventTypes: v.eventTypes, description: v.description?.trim() || null } as never, idempotencyKey },
      {
        onSettled: (_d, error) => settleKey(error ?? undefined),
        onSuccess: (result) => {
          setOpen(false);
          form.resetFields();
          setSecret(result.secret);
        },
      },
    );

  const columns: ListColumn<SubscriptionView>[] = [
    { title: t('admin.webhooks.url'), dataIndex: 'url', render: (u: string) => <Typography.Text style={{ wordBreak: 'break-all' }}>{u}</Typography.Text> },
    { title: t('admin.webhooks.client'), dataIndex: 'clientName', responsive: ['md'] },
    {
      title: t('admin.webhooks.events'),
      dataIndex: 'eventTypes',
      responsive: ['sm'],
      render: (types: string[]) => (
        <Flex wrap gap={4}>
          {types.map((e) => (
            <Tag key={e}>{e}</Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('admin.common.status'),
      dataIndex: 'isDisabled',
      render: (d: boolean, s) => (
        <EnabledTag disabled={d} reason={s.disabledReason} />
      ),
    },
    { title: t('admin.webhooks.failures'), dataIndex: 'consecutiveFailures', responsive: ['lg'] },
    {
      title: t('admin.common.actions'),
      key: 'actions',
      render: (_: unknown, s) => (
        <Space wrap size={4}>
          <Button size="small" onClick={() => setLogOf(s)}>
            {t('admin.webhooks.log')}
          </Button>
          <Button
            size="small"
            onClick={() =>
              test.mutate(
                { id: s.id, idempotencyKey: testKey },
                { onSettled: (_d, e) => settleTestKey(e ?? undefined), onSuccess: () => void message.success(t('admin.webhooks.testQueued')) },
              )
            }
          >
            {t('admin.webhooks.test')}
          </Button>
          <EnableToggle disabled={s.isDisabled} onToggle={(disabled) => toggle.mutate({ id: s.id, disabled })} />
        </Space>
      ),
    },
  ];

  return (
    <>
      <AdminSections />
      <ListPage
        title={t('admin.webhooks.title')}
        intro={t('admin.webhooks.intro')}
        testId="webhook-table"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('admin.webhooks.add')}
          </Button>
        }
        columns={columns}
        rowKey="id"
        query={query}
        params={params}
        update={update}
        reset={reset}
        isFiltered={isFiltered}
        searchPlaceholder={t('admin.webhooks.search')}
        emptyText={t('admin.webhooks.empty')}
      />
      <Modal
        open={open}
        title={t('admin.webhooks.createTitle')}
        okText={t('admin.common.create')}
        cancelText={t('admin.common.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => {
          setOpen(false);
          create.reset();
        }}
      >
        <ServerErrorAlert error={create.error} />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ eventTypes: [] }} name="webhook-form">
          <Form.Item name="clientId" label={t('admin.webhooks.client')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={clients.isPending}
              options={(clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item
            name="url"
            label={t('admin.webhooks.url')}
            rules={[{ required: true, whitespace: true, message: t('admin.common.required') }, { type: 'url' }]}
          >
            <Input placeholder="https://" inputMode="url" maxLength={1000} />
          </Form.Item>
          <Form.Item
            name="eventTypes"
            label={t('admin.webhooks.events')}
            rules={[{ required: true, type: 'array', min: 1, message: t('admin.common.required') }]}
          >
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
              {(eventTypes.data ?? []).map((e) => (
                <Checkbox key={e.name} value={e.name}>
                  <code>{e.name}</code> — {e.description} <Typography.Text type="secondary">({e.scope})</Typography.Text>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
          <Form.Item name="description" label={t('admin.webhooks.description')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <SecretModal open={!!secret} secret={secret} secretLabel={t('admin.secret.webhookSecret')} onClose={() => setSecret(undefined)} />
      <DeliveryLog subscription={logOf} onClose={() => setLogOf(undefined)} />
    </>
  );
}

export { WebhookListRoute as Component };
