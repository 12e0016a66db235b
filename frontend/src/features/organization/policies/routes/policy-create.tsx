import { App, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { useUser } from '@/lib/auth/auth';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { useCreatePolicy, type CreatePolicyInput } from '../api/policies';
import { PolicyForm } from '../components/policy-form';

export function PolicyCreateRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const { unitId } = useUnitScope();
  const user = useUser();
  const create = useCreatePolicy();
  const [idempotencyKey, settleKey] = useIdempotencyKey();

  useEffect(() => {
    document.title = `${t('organization.policies.new')} · ${t('app.name')}`;
  }, [t]);

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('organization.policies.new')}
        </Typography.Title>
      }
    >
      <PolicyForm
        mode="create"
        // The register of the unit chosen in the scope picker, else the user's own unit.
        initialValues={{ unitId: unitId ?? user.grants[0]?.unitId }}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => navigate(scoped(paths.policies))}
        onSubmit={(values) =>
          create.mutate(
            { data: values as CreatePolicyInput, idempotencyKey },
            {
              onSettled: (_data, error) => settleKey(error ?? undefined),
              onSuccess: (policy) => {
                void message.success(t('form.created'));
                navigate(scoped(paths.policy(policy.id)));
              },
            },
          )
        }
      />
    </Card>
  );
}

export { PolicyCreateRoute as Component };
