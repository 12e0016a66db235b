import { App, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { paths } from '@/config/paths';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { useUnit, useUpdateUnit } from '../api/units';
import { UnitForm } from '../components/unit-form';

export function UnitEditRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { unitId = '' } = useParams();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const query = useUnit(unitId);
  const update = useUpdateUnit();

  useEffect(() => {
    document.title = `${t('organization.editUnit')} · ${t('app.name')}`;
  }, [t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const { unit, etag } = query.data;
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
          {t('organization.editUnit')}: {unit.name}
        </Typography.Title>
      }
    >
      <UnitForm
        // A reload brings a new version: remount so the fields show it.
        key={etag}
        mode="edit"
        initialValues={{
          name: unit.name,
          address: unit.address ?? undefined,
          phone: unit.phone ?? undefined,
          email: unit.email ?? undefined,
        }}
        submitting={update.isPending}
        error={update.error}
        onCancel={() => navigate(scoped(paths.unit(unit.id)))}
        onReload={() => {
          update.reset();
          void query.refetch();
        }}
        onSubmit={(values) =>
          update.mutate(
            {
              id: unit.id,
              etag,
              data: { name: values.name, address: values.address ?? null, phone: values.phone ?? null, email: values.email ?? null },
            },
            {
              onSuccess: () => {
                void message.success(t('form.saved'));
                navigate(scoped(paths.unit(unit.id)));
              },
            },
          )
        }
      />
    </Card>
  );
}

export { UnitEditRoute as Component };
