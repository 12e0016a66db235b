import '../strings';
import { App, Button, Card, Empty, Flex, Form, Input, Modal, Radio, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useDocumentTitle } from '@/components/page/form-page';
import { ErrorState, LoadingState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { useHasPermission } from '@/lib/auth/auth';
import { useClusters, useSaveCluster, type ClusterDetail } from '../api/emulation';
import { UnitSelect } from '../components/unit-select';
import { YearSelect } from '../components/year-select';

type Values = { unitId?: string; name: string; kind: 'Cluster' | 'Block'; leadingUnitId: string; memberUnitIds: string[] };

function ClusterModal({ year, cluster, onClose }: { year: number; cluster?: ClusterDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCluster();
  const [idempotencyKey, settleKey] = useIdempotencyKey();
  const members = Form.useWatch('memberUnitIds', form) ?? [];
  const f = (k: string) => t(`emulation.fields.${k}`);
  const required = [{ required: true, message: t('form.required') }];
  const done = { onSuccess: () => { void message.success(t('emulation.saved')); onClose(); } };
  const onFinish = (v: Values) => {
    const data = { name: v.name.trim(), kind: v.kind, leadingUnitId: v.leadingUnitId, memberUnitIds: v.memberUnitIds };
    if (cluster) save.mutate({ kind: 'update', id: cluster.id, version: cluster.version, data }, done);
    else save.mutate({ kind: 'create', data: { ...data, unitId: v.unitId!, year }, idempotencyKey }, { ...done, onSettled: (_d, e) => settleKey(e ?? undefined) });
  };
  return (
    <Modal open title={cluster ? t('emulation.editCluster') : `${t('emulation.newCluster')} ${year}`} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={save.isPending} okButtonProps={{ ...({ 'data-testid': 'save-cluster' } as Record<string, string>) }}>
      <ServerErrorAlert error={save.error} />
      <Form form={form} layout="vertical" onFinish={onFinish}
        initialValues={cluster ? { name: cluster.name, kind: cluster.kind, leadingUnitId: cluster.leadingUnit.id, memberUnitIds: cluster.members.map((m) => m.id) } : { kind: 'Cluster', memberUnitIds: [] }}>
        {!cluster ? (
          <Form.Item name="unitId" label={f('formingUnit')} rules={required}>
            <UnitSelect ariaLabel={f('formingUnit')} testId="cluster-unit" />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label={f('name')} rules={required}>
          <Input maxLength={300} data-testid="cluster-name" />
        </Form.Item>
        <Form.Item name="kind" label={f('kind')}>
          <Radio.Group options={(['Cluster', 'Block'] as const).map((k) => ({ value: k, label: t(`emulation.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="memberUnitIds" label={f('members')} rules={required}>
          <UnitSelect multiple ariaLabel={f('members')} testId="cluster-members" />
        </Form.Item>
        <Form.Item name="leadingUnitId" label={f('leadingUnit')} rules={required}>
          <UnitSelect ariaLabel={f('leadingUnit')} testId="cluster-leader" only={members} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The clusters and blocks of a year, their leading unit and members; the forming unit edits them until the year is closed. */
export function ClusterListRoute() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get('year')) || new Date().getFullYear() - 1;
  const clusters = useClusters(year);
  const canManage = useHasPermission(PERMISSIONS.emulationManage);
  const [editing, setEditing] = useState<ClusterDetail | 'new' | null>(null);
  const f = (k: string) => t(`emulation.fields.${k}`);
  useDocumentTitle(t('emulation.clusters'));
  return (
    <Card
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('emulation.clusters')}</h1>}
      extra={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-cluster">
            {t('emulation.newCluster')}
          </Button>
        ) : null
      }
    >
      <Flex style={{ marginBottom: 12 }}>
        <YearSelect value={year} onChange={(y) => setSearch({ year: String(y) })} />
      </Flex>
      {clusters.isLoading ? <LoadingState /> : clusters.error ? <ErrorState error={clusters.error} onRetry={() => void clusters.refetch()} /> : null}
      {clusters.data && clusters.data.items.length === 0 ? <Empty description={t('emulation.noClusters')} /> : null}
      {clusters.data && clusters.data.items.length > 0 ? (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={clusters.data.items}
          columns={[
            { title: f('name'), dataIndex: 'name', render: (n: string, c) => <>{n} {c.locked ? <Tag>{t('emulation.closed')}</Tag> : null}</> },
            { title: f('kind'), dataIndex: 'kind', responsive: ['md'], render: (k: string) => t(`emulation.kind.${k}`) },
            { title: f('leadingUnit'), dataIndex: ['leadingUnit', 'name'] },
            { title: f('members'), dataIndex: 'members', responsive: ['md'], render: (m: ClusterDetail['members']) => m.map((u) => u.name).join('; ') },
            { title: f('formingUnit'), dataIndex: 'unitName', responsive: ['lg'] },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_: unknown, c) =>
                c.canManage && !c.locked ? <Button size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(c)} /> : null,
            },
          ]}
        />
      ) : null}
      {editing ? <ClusterModal year={year} cluster={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

export { ClusterListRoute as Component };
