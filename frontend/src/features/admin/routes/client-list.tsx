import '../strings';
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import {
  createClient,
  rotateClientSecret,
  setClientDisabled,
  updateClient,
  useApiScopes,
  useClientMutation,
  useClients,
  type ClientView,
  type ClientWithSecret,
} from '../api/clients';
import { AdminSections } from '../components/admin-sections';
import { EnableToggle, EnabledTag } from '../components/enable-toggle';
import { SecretModal } from '../components/secret-modal';
import { UnitTreeSelect } from '@/components/form/unit-tree-select';

const CLIENT_ROLES = ['integrator', 'partner'] as const;

interface ClientFormValues {
  name: string;
  unitId?: string;
  role?: string;
  scopes: string[];
  requestsPerMinute?: number;
}

/** The form of a new client (unit, role, scopes) or of an existing one (name, scopes, budget only). */
function ClientForm({
  open,
  editing,
  saving,
  error,
  onClose,
  onSubmit,
}: {
  open: boolean;
  editing?: ClientView;
  saving: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (values: ClientFormValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ClientFormValues>();
  const scopes = useApiScopes();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ name: editing.name, scopes: [...editing.scopes], requestsPerMinute: editing.requestsPerMinute });
  }, [open, editing, form]);
  return (
    <Modal
      open={open}
      title={editing ? t('admin.clients.editTitle') : t('admin.clients.createTitle')}
      okText={editing ? t('admin.common.save') : t('admin.common.create')}
      cancelText={t('admin.common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ServerErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={onSubmit} initialValues={{ role: 'integrator', scopes: [] }} name="client-form">
        <Form.Item name="name" label={t('admin.clients.name')} rules={[{ required: true, whitespace: true, message: t('admin.common.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item name="unitId" label={t('admin.common.unit')} rules={[{ required: true, message: t('admin.common.required') }]}>
              <UnitTreeSelect style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="role" label={t('admin.common.role')} rules={[{ required: true }]}>
              <Select options={CLIENT_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="scopes" label={t('admin.clients.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('admin.common.required') }]}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {(scopes.data ?? []).map((s) => (
              <Checkbox key={s.name} value={s.name}>
                <code>{s.name}</code> — {s.description}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="requestsPerMinute" label={t('admin.clients.rate')}>
          <InputNumber min={1} max={100000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Integrator clients: create (the secret is shown once), edit, rotate the secret, disable and enable. */
export function ClientListRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: 'name' });
  const query = useClients({ page: params.page, pageSize: params.pageSize, sort: params.sort });
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<ClientView>();
  const [shown, setShown] = useState<ClientWithSecret>();
  const [idempotencyKey, settleKey] = useIdempotencyKey();
  const create = useClientMutation(createClient);
  const edit = useClientMutation(updateClient);
  const rotate = useClientMutation(rotateClientSecret);
  const toggle = useClientMutation(setClientDisabled);

  useEffect(() => {
    document.title = `${t('admin.clients.title')} · ${t('app.name')}`;
  }, [t]);

  const close = () => {
    setFormOpen(false);
    setEditing(undefined);
    create.reset();
    edit.reset();
  };

  const submit = (v: ClientFormValues) => {
    if (editing) {
      edit.mutate(
        { id: editing.id, data: { name: v.name.trim(), scopes: v.scopes, requestsPerMinute: v.requestsPerMinute ?? null } as never },
        {
          onSuccess: () => {
            void message.success(t('admin.common.saved'));
            close();
          },
        },
      );
      return;
    }
    create.mutate(
      { data: { name: v.name.trim(), unitId: v.unitId!, role: v.role!, scopes: v.scopes, requestsPerMinute: v.requestsPerMinute ?? null } as never, idempotencyKey },
      {
        onSettled: (_d, error) => settleKey(error ?? undefined),
        onSuccess: (result) => {
          close();
          setShown(result);
        },
      },
    );
  };

  const columns: ListColumn<ClientView>[] = [
    { title: t('admin.clients.name'), dataIndex: 'name', sortKey: 'name' },
    { title: t('admin.clients.clientId'), dataIndex: 'clientId', responsive: ['md'], render: (id: string) => <code>{id}</code> },
    { title: t('admin.common.unit'), dataIndex: 'unitName', responsive: ['lg'] },
    { title: t('admin.common.role'), dataIndex: 'role', responsive: ['lg'], render: (r: string) => t(`roles.${r}`) },
    {
      title: t('admin.clients.scopes'),
      dataIndex: 'scopes',
      responsive: ['sm'],
      render: (scopes: string[]) => (
        <Flex wrap gap={4}>
          {scopes.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('admin.common.status'),
      dataIndex: 'isDisabled',
      render: (d: boolean) => <EnabledTag disabled={d} />,
    },
    {
      title: t('admin.common.actions'),
      key: 'actions',
      render: (_: unknown, c) => (
        <Space wrap size={4}>
          <Button
            size="small"
            onClick={() => {
              setEditing(c);
              setFormOpen(true);
            }}
          >
            {t('admin.common.edit')}
          </Button>
          <Popconfirm
            title={t('admin.clients.rotateConfirm')}
            okText={t('admin.clients.rotate')}
            cancelText={t('admin.common.cancel')}
            onConfirm={() => rotate.mutate({ id: c.id }, { onSuccess: setShown })}
          >
            <Button size="small">{t('admin.clients.rotate')}</Button>
          </Popconfirm>
          <EnableToggle disabled={c.isDisabled} onToggle={(disabled) => toggle.mutate({ id: c.id, disabled })} />
        </Space>
      ),
    },
  ];

  return (
    <>
      <AdminSections />
      <ListPage
        title={t('admin.clients.title')}
        intro={t('admin.clients.intro')}
        testId="client-table"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)}>
            {t('admin.clients.add')}
          </Button>
        }
        columns={columns}
        rowKey="id"
        query={query}
        params={params}
        update={update}
        reset={reset}
        isFiltered={isFiltered}
        searchPlaceholder={t('admin.clients.search')}
        emptyText={t('admin.clients.empty')}
      />
      <ClientForm
        open={formOpen}
        editing={editing}
        saving={create.isPending || edit.isPending}
        error={create.error ?? edit.error}
        onClose={close}
        onSubmit={submit}
      />
      <SecretModal
        open={!!shown}
        clientId={shown?.client.clientId}
        secret={shown?.clientSecret}
        secretLabel={t('admin.secret.clientSecret')}
        onClose={() => setShown(undefined)}
      />
    </>
  );
}

export { ClientListRoute as Component };
