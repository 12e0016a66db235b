import { App } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { paths } from '@/config/paths';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { FormPage } from '@/components/page/form-page';
import { usePolicy, useUpdatePolicy } from '../api/policies';
import { PolicyForm, policyToFields } from '../components/policy-form';

export function PolicyEditRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { policyId = '' } = useParams();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const query = usePolicy(policyId);
  const update = useUpdatePolicy();

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const { policy, etag } = query.data;
  return (
    <FormPage title={t('organization.policies.edit')} heading={<>{t('organization.policies.edit')}: {policy.number}</>}>
      <PolicyForm
        // A reload brings a new version: remount so the fields show it.
        key={etag}
        mode="edit"
        initialValues={policyToFields(policy)}
        submitting={update.isPending}
        error={update.error}
        onCancel={() => navigate(scoped(paths.policy(policy.id)))}
        onReload={() => {
          update.reset();
          void query.refetch();
        }}
        onSubmit={({ unitId: _unitId, ...data }) =>
          update.mutate(
            { id: policy.id, etag, data },
            {
              onSuccess: () => {
                void message.success(t('form.saved'));
                navigate(scoped(paths.policy(policy.id)));
              },
            },
          )
        }
      />
    </FormPage>
  );
}

export { PolicyEditRoute as Component };
