import { Button, Card, Descriptions, Flex, List, Space, Table, Tabs, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AddToCalendar } from '@/components/calendar/add-to-calendar';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { paths } from '@/config/paths';
import { useHasPermission } from '@/lib/auth/auth';
import { isApiError } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format/date';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { useUnit, useUnits } from '../api/units';
import { useUnitHistory, type AuditEntry } from '../api/unit-audit';
import { FocalOfficialCard } from '../../focal-officials/components/focal-official-card';
import { UnitHeadcountCard } from '../components/unit-headcount-card';
import { UnitHistoryActions } from '../components/unit-history-actions';
import { UnitStatusTag } from '../components/unit-history-status-tag';
import { UnitHistoryVersions } from '../components/unit-history-versions';
import { useUnitKindLabel } from '../../shared/unit-kind-label';

export function UnitDetailRoute() {
  const { t } = useTranslation();
  const { unitId = '' } = useParams();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const kindLabel = useUnitKindLabel();
  const canManage = useHasPermission(PERMISSIONS.unitsManage);
  const canReadAudit = useHasPermission(PERMISSIONS.auditRead);
  const canReadTraining = useHasPermission(PERMISSIONS.trainingRead);
  const query = useUnit(unitId);
  const children = useUnits({ parentId: unitId, page: 1, pageSize: 50, sort: 'name' });
  const history = useUnitHistory(unitId, query.isSuccess && canReadAudit);

  const unit = query.data?.unit;
  const etag = query.data?.etag ?? '';
  const isActive = (unit?.status ?? 'Active') === 'Active';
  useEffect(() => {
    if (unit) document.title = `${unit.name} · ${t('app.name')}`;
  }, [unit, t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError || !unit) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const none = t('common.none');
  const showChangeLog = canReadAudit && !isApiError(history.error, 403);
  // Audit field names are the API's camelCase property names: show the form's label when there is one.
  const fieldLabel = (field: string) =>
    t(`organization.fields.${field.charAt(0).toLowerCase()}${field.slice(1)}`, { defaultValue: field });
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
            {unit.name}
            <UnitStatusTag status={unit.status} hideActive />
          </Typography.Title>
        }
        extra={
          <Space wrap>
            {/* The training sessions its officials attend (#16), for whoever reads training. */}
            {canReadTraining && <AddToCalendar target={{ kind: 'unit', id: unit.id }} fileName={`lich-${unit.code}.ics`} />}
            {/* Merged and dissolved units cannot change any more. */}
            {canManage && isActive && (
              <>
                <UnitHistoryActions unit={unit} etag={etag} />
                <Button icon={<EditOutlined />} onClick={() => navigate(scoped(paths.editUnit(unit.id)))} data-testid="edit-unit">
                  {t('common.edit')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="unit-detail">
          <Descriptions.Item label={t('organization.fields.code')}>{unit.code}</Descriptions.Item>
          <Descriptions.Item label={t('organization.fields.kind')}>{kindLabel(unit.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('organization.fields.parent')}>
            {!unit.parentId ? (
              none
            ) : unit.parentInScope ? (
              <Link to={scoped(paths.unit(unit.parentId))}>{unit.parentName ?? unit.parentCode}</Link>
            ) : (
              // Above the user's scope: named (as in the breadcrumbs) but not a link, which would only answer 404.
              <span data-testid="unit-parent-outside">{unit.parentName ?? unit.parentCode}</span>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('organization.unitHistory.status')}>
            <UnitStatusTag status={unit.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('organization.fields.address')}>{unit.address || none}</Descriptions.Item>
          <Descriptions.Item label={t('organization.fields.phone')}>{unit.phone || none}</Descriptions.Item>
          <Descriptions.Item label={t('organization.fields.email')}>{unit.email || none}</Descriptions.Item>
          <Descriptions.Item label={t('organization.fields.createdAt')}>{formatDateTime(unit.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('organization.fields.updatedAt')}>{formatDateTime(unit.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <FocalOfficialCard unit={unit} />

      <UnitHeadcountCard unit={unit} />

      <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('organization.childUnits')}</Typography.Title>}>
        {children.isError ? (
          <ErrorState error={children.error} onRetry={() => void children.refetch()} />
        ) : (
          <List
            loading={children.isPending}
            dataSource={children.data?.items ?? []}
            locale={{ emptyText: <Typography.Text type="secondary">{t('organization.noChildren')}</Typography.Text> }}
            renderItem={(child) => (
              <List.Item>
                <Link to={scoped(paths.unit(child.id))}>{child.name}</Link>
                <Typography.Text type="secondary">{child.code}</Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('organization.unitHistory.title')}</Typography.Title>}>
        <Tabs
          items={[
            {
              key: 'history',
              label: t('organization.unitHistory.tab'),
              children: <UnitHistoryVersions unitId={unit.id} audit={showChangeLog ? history.data?.items : undefined} />,
            },
            ...(showChangeLog
              ? [
                  {
                    key: 'changelog',
                    label: t('organization.history'),
                    children: history.isError ? (
                      <ErrorState error={history.error} onRetry={() => void history.refetch()} />
                    ) : (
                      <Table<AuditEntry>
                        rowKey="id"
                        size="small"
                        loading={history.isPending}
                        dataSource={history.data?.items ?? []}
                        pagination={false}
                        // No horizontal scroll region (it would need keyboard access): the change list wraps instead.
                        locale={{ emptyText: <EmptyState description={t('organization.noHistory')} /> }}
                        columns={[
                          { title: t('organization.audit.when'), dataIndex: 'occurredAt', render: (v: string) => formatDateTime(v) },
                          { title: t('organization.audit.who'), dataIndex: 'userEmail', render: (v: string | null) => v ?? none },
                          {
                            title: t('organization.audit.action'),
                            dataIndex: 'action',
                            render: (action: string) => t(`organization.audit.actions.${action}`, { defaultValue: action }),
                          },
                          {
                            title: t('organization.audit.changes'),
                            dataIndex: 'changes',
                            render: (changes: AuditEntry['changes']) => (
                              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                                {changes.map((c) => (
                                  <li key={c.field} style={{ overflowWrap: 'anywhere' }}>
                                    {fieldLabel(c.field)}: {String(c.old ?? none)} → {String(c.new ?? none)}
                                  </li>
                                ))}
                              </ul>
                            ),
                          },
                        ]}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Flex>
  );
}

export { UnitDetailRoute as Component };
