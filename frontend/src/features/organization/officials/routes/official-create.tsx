import { App, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { useCreateOfficial, type CreateOfficialInput } from '../api/officials';
import { OfficialForm } from '../components/official-form';

export function OfficialCreateRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const { unitId } = useUnitScope();
  const create = useCreateOfficial();
  const [idempotencyKey, settleKey] = useIdempotencyKey();

  useEffect(() => {
    document.title = `${t('organization.newOfficial')} · ${t('app.name')}`;
  }, [t]);

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('organization.newOfficial')}
        </Typography.Title>
      }
    >
      <OfficialForm
        mode="create"
        initialValues={{ unitId }}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => navigate(scoped(paths.officials))}
        onSubmit={(values) =>
          create.mutate(
            { data: values as CreateOfficialInput, idempotencyKey },
            {
              onSettled: (_data, error) => settleKey(error ?? undefined),
              onSuccess: (official) => {
                void message.success(t('form.created'));
                navigate(scoped(paths.official(official.id)));
              },
            },
          )
        }
      />
    </Card>
  );
}

export { OfficialCreateRoute as Component };
