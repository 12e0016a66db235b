import '../strings';
import { Button, Flex, Form, Input, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { createUser, grantRole, resetPassword, revokeGrant, setUserDisabled, useUserMutation, useUsers, type UserView } from '../api/users';
import { AdminSections } from '../components/admin-sections';
import { EnableToggle, EnabledTag } from '../components/enable-toggle';
import { SecretModal } from '../components/secret-modal';
import { UnitTreeSelect } from '@/components/form/unit-tree-select';

const ROLES = [
  'admin',
  'federation-leader',
  'policy-law-board',
  'propaganda-board',
  'finance-officer',
  'focal-official',
  'unit-officer',
  'council-member',
  'member',
  'partner',
  'integrator',
] as const;

interface UserFormValues {
  email: string;
  fullName: string;
  password: string;
  role: string;
  unitId?: string;
}

/** Users and their roles per unit: search, create with a first role, grant and revoke roles, disable and enable. */
export function UserListRoute() {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserFormValues>();
  const [grantForm] = Form.useForm<{ role: string; unitId?: string }>();
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: 'fullName' });
  const query = useUsers({ page: params.page, pageSize: params.pageSize, sort: params.sort, ...(params.q ? { q: params.q } : {}) });
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<UserView>();
  const [createKey, settleCreate] = useIdempotencyKey();
  const [grantKey, settleGrant] = useIdempotencyKey();
  const create = useUserMutation(createUser);
  const grant = useUserMutation(grantRole);
  const revoke = useUserMutation(revokeGrant);
  const toggle = useUserMutation(setUserDisabled);
  const resetPwd = useUserMutation(resetPassword);
  const [temporary, setTemporary] = useState<{ email: string; temporaryPassword: string }>();
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));

  useEffect(() => {
    document.title = `${t('admin.users.title')} · ${t('app.name')}`;
  }, [t]);

  const columns: ListColumn<UserView>[] = [
    { title: t('admin.users.fullName'), dataIndex: 'fullName', sortKey: 'fullName' },
    { title: t('admin.users.email'), dataIndex: 'email', sortKey: 'email', responsive: ['md'] },
    {
      title: t('admin.users.grants'),
      dataIndex: 'grants',
      responsive: ['sm'],
      render: (grants: UserView['grants'], u) => (
        <Flex wrap gap={4}>
          {grants.map((g) => (
            <Tag
              key={g.id}
              closable
              closeIcon={<span aria-label={t('admin.users.revoke')}>×</span>}
              onClose={(e) => {
                e.preventDefault();
                revoke.mutate({ id: u.id, grantId: g.id });
              }}
            >
              {t(`roles.${g.role}`)} · {g.unitName}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('admin.common.status'),
      dataIndex: 'isDisabled',
      render: (d: boolean, u) => (
        <Space size={4} wrap>
          <EnabledTag disabled={d} />
          {u.lockedUntil && <Tag color="orange">{t('admin.users.locked')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('admin.common.actions'),
      key: 'actions',
      render: (_: unknown, u) => (
        <Space wrap size={4}>
          <Button size="small" onClick={() => setGranting(u)}>
            {t('admin.users.grant')}
          </Button>
          <Popconfirm
            title={t('admin.users.resetConfirm')}
            okText={t('admin.users.reset')}
            cancelText={t('admin.common.cancel')}
            onConfirm={() => resetPwd.mutate({ id: u.id }, { onSuccess: setTemporary })}
          >
            <Button size="small">{t('admin.users.reset')}</Button>
          </Popconfirm>
          <EnableToggle disabled={u.isDisabled} onToggle={(disabled) => toggle.mutate({ id: u.id, disabled })} />
        </Space>
      ),
    },
  ];

  return (
    <>
      <AdminSections />
      <ListPage
        title={t('admin.users.title')}
        intro={t('admin.users.intro')}
        testId="user-table"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('admin.users.add')}
          </Button>
        }
        columns={columns}
        rowKey="id"
        query={query}
        params={params}
        update={update}
        reset={reset}
        isFiltered={isFiltered}
        searchPlaceholder={t('admin.users.search')}
        emptyText={t('admin.users.empty')}
      />
      <Modal
        open={creating}
        title={t('admin.users.createTitle')}
        okText={t('admin.common.create')}
        cancelText={t('admin.common.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => {
          setCreating(false);
          create.reset();
        }}
        destroyOnHidden
      >
        <ServerErrorAlert error={create.error} />
        <Form
          form={form}
          layout="vertical"
          name="user-form"
          initialValues={{ role: 'unit-officer' }}
          onFinish={(v) =>
            create.mutate(
              {
                data: { email: v.email.trim(), fullName: v.fullName.trim(), password: v.password, grants: [{ role: v.role, unitId: v.unitId! }] } as never,
                idempotencyKey: createKey,
              },
              {
                onSettled: (_d, e) => settleCreate(e ?? undefined),
                onSuccess: () => {
                  setCreating(false);
                  form.resetFields();
                },
              },
            )
          }
        >
          <Form.Item name="fullName" label={t('admin.users.fullName')} rules={[{ required: true, whitespace: true, message: t('admin.common.required') }]}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
          <Form.Item name="email" label={t('admin.users.email')} rules={[{ required: true, type: 'email' }]}>
            <Input maxLength={256} autoComplete="off" inputMode="email" />
          </Form.Item>
          <Form.Item name="password" label={t('admin.users.password')} rules={[{ required: true, min: 10 }]}>
            <Input.Password maxLength={200} autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('admin.common.role')} rules={[{ required: true }]}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item name="unitId" label={t('admin.common.unit')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <UnitTreeSelect style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!granting}
        title={t('admin.users.grantTitle', { name: granting?.fullName ?? '' })}
        okText={t('admin.users.grant')}
        cancelText={t('admin.common.cancel')}
        confirmLoading={grant.isPending}
        onOk={() => grantForm.submit()}
        onCancel={() => {
          setGranting(undefined);
          grant.reset();
        }}
        destroyOnHidden
      >
        <ServerErrorAlert error={grant.error} />
        <Form
          form={grantForm}
          layout="vertical"
          name="grant-form"
          initialValues={{ role: 'unit-officer' }}
          onFinish={(v) =>
            grant.mutate(
              { id: granting!.id, role: v.role, unitId: v.unitId!, idempotencyKey: grantKey },
              {
                onSettled: (_d, e) => settleGrant(e ?? undefined),
                onSuccess: () => {
                  setGranting(undefined);
                  grantForm.resetFields();
                },
              },
            )
          }
        >
          <Form.Item name="role" label={t('admin.common.role')} rules={[{ required: true }]}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item name="unitId" label={t('admin.common.unit')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <UnitTreeSelect style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <SecretModal
        open={!!temporary}
        title={t('admin.users.resetTitle', { email: temporary?.email })}
        onceText={t('admin.users.resetOnce')}
        secret={temporary?.temporaryPassword}
        secretLabel={t('admin.users.temporaryPassword')}
        onClose={() => setTemporary(undefined)}
      />
    </>
  );
}

export { UserListRoute as Component };
