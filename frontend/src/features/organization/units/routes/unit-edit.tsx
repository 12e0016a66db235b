import { App } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { paths } from '@/config/paths';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { FormPage } from '@/components/page/form-page';
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

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const { unit, etag } = query.data;
  return (
    <FormPage title={t('organization.editUnit')} heading={<>{t('organization.editUnit')}: {unit.name}</>}>
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
    </FormPage>
  );
}

export { UnitEditRoute as Component };
