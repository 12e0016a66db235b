import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { FormPage } from '@/components/page/form-page';
import { useCreateOfficial, type CreateOfficialInput } from '../api/officials';
import { OfficialForm } from '../components/official-form';

export function OfficialCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const { unitId } = useUnitScope();
  const create = useCreateOfficial();
  const submit = useCreateSubmit(create, (official) => paths.official(official.id));

  return (
    <FormPage title={t('organization.newOfficial')}>
      <OfficialForm
        mode="create"
        initialValues={{ unitId }}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => navigate(scoped(paths.officials))}
        onSubmit={(values) => submit(values as CreateOfficialInput)}
      />
    </FormPage>
  );
}

export { OfficialCreateRoute as Component };
