import '../strings';
import { App } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { FormPage } from '@/components/page/form-page';
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

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const { enterprise, etag } = query.data;
  return (
    <FormPage title={t('labour.editEnterprise')} heading={<>{t('labour.editEnterprise')}: {enterprise.name}</>}>
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
    </FormPage>
  );
}

export { EnterpriseEditRoute as Component };
