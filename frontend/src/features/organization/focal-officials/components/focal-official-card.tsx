import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { UserSwitchOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { paths } from '@/config/paths';
import { useHasPermission } from '@/lib/auth/auth';
import { formatIsoDate } from '@/lib/format/date';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { useFocalOfficials, type FocalAssignment } from '../api/focal-officials';
import { isUpperLevel } from '../../shared/unit-kinds';
import { AssignFocalOfficialModal } from './assign-focal-official-modal';

/**
 * An upper-level union's KH,CN&ĐMST focal official: who it is now and since when, the assignments before,
 * and (with the permission) assigning a new one. Grassroots unions and the province have none: nothing shows.
 */
export function FocalOfficialCard({ unit }: { unit: { id: string; kind: string } }) {
  const { t } = useTranslation();
  const scoped = useScopedPath();
  const upperLevel = isUpperLevel(unit.kind);
  const canManage = useHasPermission(PERMISSIONS.officialsManage);
  const query = useFocalOfficials(unit.id, upperLevel);
  const [assigning, setAssigning] = useState(false);
  if (!upperLevel) return null;

  const current = query.data?.current ?? null;
  const none = t('common.none');
  return (
    <Card
      data-testid="focal-official-card"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('organization.focal.title')}
        </Typography.Title>
      }
      extra={
        canManage && query.isSuccess ? (
          <Button icon={<UserSwitchOutlined />} onClick={() => setAssigning(true)} data-testid="assign-focal">
            {current ? t('organization.focal.change') : t('organization.focal.assign')}
          </Button>
        ) : null
      }
    >
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <div data-testid="focal-current" aria-busy={query.isPending}>
            {query.isPending ? (
              <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
            ) : current ? (
              <Flex gap={8} wrap align="baseline">
                <Link to={scoped(paths.official(current.officialId))} style={{ fontWeight: 600 }}>
                  {current.officialName}
                </Link>
                <Typography.Text type="secondary">
                  {t('organization.focal.since', { date: formatIsoDate(current.startedOn) })}
                </Typography.Text>
              </Flex>
            ) : (
              <Flex gap={8} wrap align="baseline">
                <Tag color="red">{t('organization.focal.none')}</Tag>
                <Typography.Text type="secondary">{t('organization.focal.noneHint')}</Typography.Text>
              </Flex>
            )}
          </div>
          <div>
            <Typography.Title level={3} style={{ fontSize: 14, marginTop: 0 }}>
              {t('organization.focal.history')}
            </Typography.Title>
            <Table<FocalAssignment>
              rowKey="id"
              size="small"
              data-testid="focal-history"
              loading={query.isPending}
              dataSource={query.data?.history ?? []}
              pagination={false}
              locale={{ emptyText: <EmptyState description={t('organization.focal.noHistory')} /> }}
              columns={[
                {
                  title: t('organization.focal.official'),
                  dataIndex: 'officialName',
                  render: (name: string, a) => <Link to={scoped(paths.official(a.officialId))}>{name}</Link>,
                },
                {
                  title: t('organization.focal.period'),
                  key: 'period',
                  render: (_: unknown, a) =>
                    `${formatIsoDate(a.startedOn)} – ${a.endedOn ? formatIsoDate(a.endedOn) : t('organization.focal.present')}`,
                },
                {
                  title: t('organization.focal.assignedBy'),
                  dataIndex: 'assignedBy',
                  responsive: ['sm'],
                  render: (v: string | null) => <span style={{ overflowWrap: 'anywhere' }}>{v ?? none}</span>,
                },
              ]}
            />
          </div>
        </Flex>
      )}
      {canManage ? (
        <AssignFocalOfficialModal unitId={unit.id} current={current} open={assigning} onClose={() => setAssigning(false)} />
      ) : null}
    </Card>
  );
}
