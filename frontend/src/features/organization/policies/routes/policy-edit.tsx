import { App, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { paths } from '@/config/paths';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
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

  useEffect(() => {
    document.title = `${t('organization.policies.edit')} · ${t('app.name')}`;
  }, [t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const { policy, etag } = query.data;
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
          {t('organization.policies.edit')}: {policy.number}
        </Typography.Title>
      }
    >
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
    </Card>
  );
}

export { PolicyEditRoute as Component };
