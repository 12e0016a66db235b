import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { paths } from '@/config/paths';
import { useHasPermission } from '@/lib/auth/auth';
import { formatDateTime, formatIsoDate } from '@/lib/format/date';
import { useUnitTree } from '@/lib/scope/unit-tree';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { usePolicy } from '../api/policies';
import { PolicyAttachments } from '../components/policy-attachments';
import { PolicyStatusTag, usePolicyPeriod } from '../components/policy-status';

export function PolicyDetailRoute() {
  const { t } = useTranslation();
  const { policyId = '' } = useParams();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const period = usePolicyPeriod();
  const canManage = useHasPermission(PERMISSIONS.policiesManage);
  const query = usePolicy(policyId);
  const tree = useUnitTree();

  const policy = query.data?.policy;
  useEffect(() => {
    if (policy) document.title = `${policy.number} · ${t('app.name')}`;
  }, [policy, t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError || !policy) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const none = t('common.none');
  const label = (field: string) => t(`organization.policies.fields.${field}`);
  // The keeping unit is named when it is in the caller's scope tree (a document of a unit above is shown without it).
  const unit = tree.data?.items.find((u) => u.id === policy.unitId);
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
            {policy.number}
          </Typography.Title>
        }
        extra={
          canManage ? (
            <Button icon={<EditOutlined />} onClick={() => navigate(scoped(paths.editPolicy(policy.id)))} data-testid="edit-policy">
              {t('common.edit')}
            </Button>
          ) : null
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="policy-detail">
          <Descriptions.Item label={label('title')} span={{ xs: 1, md: 2 }}>
            {policy.title}
          </Descriptions.Item>
          <Descriptions.Item label={label('number')}>{policy.number}</Descriptions.Item>
          <Descriptions.Item label={label('issuer')}>{policy.issuer}</Descriptions.Item>
          <Descriptions.Item label={label('issuedOn')}>{formatIsoDate(policy.issuedOn)}</Descriptions.Item>
          <Descriptions.Item label={label('period')}>
            <Flex gap={8} wrap align="center">
              {period(policy)}
              <PolicyStatusTag policy={policy} />
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={label('scope')} span={{ xs: 1, md: 2 }}>
            {policy.scope || none}
          </Descriptions.Item>
          <Descriptions.Item label={label('summary')} span={{ xs: 1, md: 2 }}>
            <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{policy.summary || none}</div>
          </Descriptions.Item>
          {unit ? <Descriptions.Item label={label('unit')}>{unit.name}</Descriptions.Item> : null}
          <Descriptions.Item label={label('updatedAt')}>{formatDateTime(policy.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <PolicyAttachments policy={policy} canManage={canManage} />
    </Flex>
  );
}

export { PolicyDetailRoute as Component };
