import '../strings';
import { App, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { useEnterprise, useUpdateEnterprise } from '../api/enterprises';
import { EnterpriseForm, enterpriseToFields } from '../components/enterprise-form';
import { labourPaths } from '../paths';

export function EnterpriseEditRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { enterpriseId = '' } = useParams();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const query = useEnterprise(enterpriseId);
  const update = useUpdateEnterprise();

  useEffect(() => {
    document.title = `${t('labour.editEnterprise')} · ${t('app.name')}`;
  }, [t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const { enterprise, etag } = query.data;
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
          {t('labour.editEnterprise')}: {enterprise.name}
        </Typography.Title>
      }
    >
      <EnterpriseForm
        key={etag}
        mode="edit"
        keepingUnitId={enterprise.unitId}
        initialValues={enterpriseToFields(enterprise)}
        submitting={update.isPending}
        error={update.error}
        onCancel={() => navigate(scoped(labourPaths.enterprise(enterprise.id)))}
        onReload={() => {
          update.reset();
          void query.refetch();
        }}
        onSubmit={({ unitId: _unitId, ...data }) =>
          update.mutate(
            { id: enterprise.id, etag, data },
            {
              onSuccess: () => {
                void message.success(t('form.saved'));
                navigate(scoped(labourPaths.enterprise(enterprise.id)));
              },
            },
          )
        }
      />
    </Card>
  );
}

export { EnterpriseEditRoute as Component };
