import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { FormPage } from '@/components/page/form-page';
import { useCreateUnit, type CreateUnitInput } from '../api/units';
import { UnitForm } from '../components/unit-form';

export function UnitCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const { unitId } = useUnitScope();
  const create = useCreateUnit();
  const submit = useCreateSubmit(create, (unit) => paths.unit(unit.id));

  return (
    <FormPage title={t('organization.newUnit')}>
      <UnitForm
        mode="create"
        initialValues={{ parentId: unitId }}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => navigate(scoped(paths.units))}
        onSubmit={(values) => submit(values as unknown as CreateUnitInput)}
      />
    </FormPage>
  );
}

export { UnitCreateRoute as Component };
