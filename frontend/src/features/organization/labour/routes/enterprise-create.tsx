import '../strings';
import { App, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { useUser } from '@/lib/auth/auth';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { useCreateEnterprise, type CreateEnterpriseInput } from '../api/enterprises';
import { EnterpriseForm } from '../components/enterprise-form';
import { labourPaths } from '../paths';

export function EnterpriseCreateRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const { unitId } = useUnitScope();
  const user = useUser();
  const create = useCreateEnterprise();
  const [idempotencyKey, settleKey] = useIdempotencyKey();

  useEffect(() => {
    document.title = `${t('labour.newEnterprise')} · ${t('app.name')}`;
  }, [t]);

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('labour.newEnterprise')}
        </Typography.Title>
      }
    >
      <EnterpriseForm
        mode="create"
        initialValues={{ unitId: unitId ?? user.grants[0]?.unitId }}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => navigate(scoped(labourPaths.enterprises))}
        onSubmit={(values) =>
          create.mutate(
            { data: values as CreateEnterpriseInput, idempotencyKey },
            {
              onSettled: (_data, error) => settleKey(error ?? undefined),
              onSuccess: ({ enterprise }) => {
                void message.success(t('form.created'));
                navigate(scoped(labourPaths.enterprise(enterprise.id)));
              },
            },
          )
        }
      />
    </Card>
  );
}

export { EnterpriseCreateRoute as Component };
