import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { paths } from '@/config/paths';
import { useHasPermission } from '@/lib/auth/auth';
import { formatDateTime } from '@/lib/format/date';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { useOfficial } from '../api/officials';
import { FocalOfficialTag } from '../components/focal-official-tag';
import { OfficialTrainingCard } from '../components/official-training-card';
import { usePoliticalTheoryLabel } from '../components/political-theory-label';

export function OfficialDetailRoute() {
  const { t } = useTranslation();
  const { officialId = '' } = useParams();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const theoryLabel = usePoliticalTheoryLabel();
  const canManage = useHasPermission(PERMISSIONS.officialsManage);
  const query = useOfficial(officialId);

  const official = query.data?.official;
  useEffect(() => {
    if (official) document.title = `${official.fullName} · ${t('app.name')}`;
  }, [official, t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError || !official) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const none = t('common.none');
  const label = (field: string) => t(`organization.officialFields.${field}`);
  return (
    <>
      <Card
        title={
          <Flex gap={12} wrap align="center">
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
              {official.fullName}
            </Typography.Title>
            {official.isFocalOfficial ? <FocalOfficialTag /> : null}
          </Flex>
        }
        extra={
          canManage ? (
            <Button
              icon={<EditOutlined />}
              onClick={() => navigate(scoped(paths.editOfficial(official.id)))}
              data-testid="edit-official"
            >
              {t('common.edit')}
            </Button>
          ) : null
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="official-detail">
          <Descriptions.Item label={label('position')}>{official.position}</Descriptions.Item>
          <Descriptions.Item label={label('unit')}>
            <Link to={scoped(paths.unit(official.unitId))}>{official.unitName ?? none}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={label('phone')}>{official.phone || none}</Descriptions.Item>
          <Descriptions.Item label={label('email')}>{official.email || none}</Descriptions.Item>
          <Descriptions.Item label={label('expertise')}>{official.expertise || none}</Descriptions.Item>
          <Descriptions.Item label={label('politicalTheory')}>{theoryLabel(official.politicalTheory)}</Descriptions.Item>
          <Descriptions.Item label={label('foreignLanguage')}>{official.foreignLanguage || none}</Descriptions.Item>
          <Descriptions.Item label={label('researchMethodsTrained')}>
            {official.researchMethodsTrained ? t('organization.yes') : t('organization.no')}
          </Descriptions.Item>
          <Descriptions.Item label={label('createdAt')}>{formatDateTime(official.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={label('updatedAt')}>{formatDateTime(official.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <OfficialTrainingCard officialId={official.id} />
    </>
  );
}

export { OfficialDetailRoute as Component };
