import '../strings';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Table, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatDateTime, formatIsoDate } from '@/lib/format/date';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { useDeleteYearFigures, useEnterprise, type YearFigures } from '../api/enterprises';
import { FiguresModal } from '../components/figures-modal';
import { formatCount } from '../components/labels';
import { labourPaths } from '../paths';

/** An enterprise's data and its yearly figures; those who manage labour data add, edit and delete years in a modal. */
export function EnterpriseDetailRoute() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { enterpriseId = '' } = useParams();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const canManage = useHasPermission(PERMISSIONS.labourManage);
  const query = useEnterprise(enterpriseId);
  const remove = useDeleteYearFigures();
  const [modal, setModal] = useState<{ open: boolean; editing?: YearFigures }>({ open: false });

  const enterprise = query.data?.enterprise;
  useEffect(() => {
    if (enterprise) document.title = `${enterprise.name} · ${t('app.name')}`;
  }, [enterprise, t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError || !enterprise) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const none = t('common.none');
  const label = (field: string) => t(`labour.fields.${field}`);
  const fig = (field: string) => t(`labour.figures.${field}`);
  const n = (v: number) => formatCount(v, i18n.language);
  const columns = [
    { title: fig('year'), dataIndex: 'year', key: 'year' },
    { title: fig('workforce'), dataIndex: 'workforce', key: 'workforce', align: 'end' as const, render: n },
    { title: fig('women'), dataIndex: 'women', key: 'women', align: 'end' as const, render: n },
    { title: fig('unionMembers'), dataIndex: 'unionMembers', key: 'unionMembers', align: 'end' as const, render: n },
    { title: fig('income'), dataIndex: 'averageMonthlyIncome', key: 'income', align: 'end' as const, render: n },
    {
      title: fig('cba'),
      key: 'cba',
      render: (_: unknown, f: YearFigures) =>
        f.cbaSigned
          ? [fig('signed'), f.cbaSignedOn || f.cbaExpiresOn ? `${formatIsoDate(f.cbaSignedOn) || '…'} – ${formatIsoDate(f.cbaExpiresOn) || '…'}` : ''].filter(Boolean).join(': ')
          : fig('notSigned'),
    },
    // The short headers of the summary keep the table narrow enough for its actions.
    { title: t('labour.aggregates.disputes'), dataIndex: 'disputes', key: 'disputes', align: 'end' as const },
    { title: t('labour.aggregates.stoppages'), dataIndex: 'stoppages', key: 'stoppages', align: 'end' as const },
    { title: t('labour.aggregates.dialogues'), dataIndex: 'dialogues', key: 'dialogues', align: 'end' as const },
    ...(canManage
      ? [
          {
            title: '',
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, f: YearFigures) => (
              <Flex gap={4}>
                <Button size="small" type="link" onClick={() => setModal({ open: true, editing: f })} aria-label={fig('edit').replace('{{year}}', String(f.year))}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('labour.figures.deleteConfirm', { year: f.year })}
                  okText={fig('delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    remove.mutate({ id: enterprise.id, year: f.year }, { onSuccess: () => void message.success(t('labour.figures.deleted', { year: f.year })) })
                  }
                >
                  <Button size="small" type="link" danger>
                    {fig('delete')}
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
            {enterprise.name}
          </Typography.Title>
        }
        extra={
          canManage ? (
            <Button icon={<EditOutlined />} onClick={() => navigate(scoped(labourPaths.editEnterprise(enterprise.id)))} data-testid="edit-enterprise">
              {t('common.edit')}
            </Button>
          ) : null
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="enterprise-detail">
          <Descriptions.Item label={label('taxCode')}>{enterprise.taxCode}</Descriptions.Item>
          <Descriptions.Item label={label('ownership')}>{t(`labour.ownership.${enterprise.ownership}`)}</Descriptions.Item>
          <Descriptions.Item label={label('sector')}>{t(`labour.sector.${enterprise.sector}`)}</Descriptions.Item>
          <Descriptions.Item label={label('district')}>{enterprise.district}</Descriptions.Item>
          <Descriptions.Item label={label('industrialZone')}>{enterprise.industrialZone || none}</Descriptions.Item>
          <Descriptions.Item label={label('address')}>{enterprise.address || none}</Descriptions.Item>
          <Descriptions.Item label={label('unit')}>{enterprise.unitName}</Descriptions.Item>
          <Descriptions.Item label={label('grassrootsUnit')}>{enterprise.grassrootsUnitName || none}</Descriptions.Item>
          <Descriptions.Item label={label('updatedAt')}>{formatDateTime(enterprise.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={fig('title')}
        extra={
          canManage ? (
            <Button icon={<PlusOutlined />} onClick={() => setModal({ open: true })} data-testid="add-figures">
              {fig('add')}
            </Button>
          ) : null
        }
      >
        <Table<YearFigures>
          data-testid="figures-table"
          rowKey="year"
          size="small"
          columns={columns}
          dataSource={enterprise.figures}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: fig('empty') }}
        />
      </Card>
      {modal.open ? (
        <FiguresModal
          open
          enterpriseId={enterprise.id}
          editing={modal.editing}
          takenYears={enterprise.figures.map((f) => f.year)}
          onClose={() => setModal({ open: false })}
        />
      ) : null}
    </Flex>
  );
}

export { EnterpriseDetailRoute as Component };
