import { App, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { useCreateUnit, type CreateUnitInput } from '../api/units';
import { UnitForm } from '../components/unit-form';

export function UnitCreateRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const { unitId } = useUnitScope();
  const create = useCreateUnit();
  const [idempotencyKey, settleKey] = useIdempotencyKey();

  useEffect(() => {
    document.title = `${t('organization.newUnit')} · ${t('app.name')}`;
  }, [t]);

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('organization.newUnit')}
        </Typography.Title>
      }
    >
      <UnitForm
        mode="create"
        initialValues={{ parentId: unitId }}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => navigate(scoped(paths.units))}
        onSubmit={(values) =>
          create.mutate(
            { data: values as unknown as CreateUnitInput, idempotencyKey },
            {
              onSettled: (_data, error) => settleKey(error ?? undefined),
              onSuccess: (unit) => {
                void message.success(t('form.created'));
                navigate(scoped(paths.unit(unit.id)));
              },
            },
          )
        }
      />
    </Card>
  );
}

export { UnitCreateRoute as Component };
