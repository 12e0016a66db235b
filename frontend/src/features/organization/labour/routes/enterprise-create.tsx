import '../strings';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { useUser } from '@/lib/auth/auth';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { FormPage } from '@/components/page/form-page';
import { useCreateEnterprise, type CreateEnterpriseInput } from '../api/enterprises';
import { EnterpriseForm } from '../components/enterprise-form';
import { labourPaths } from '../paths';

export function EnterpriseCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const { unitId } = useUnitScope();
  const user = useUser();
  const create = useCreateEnterprise();
  const submit = useCreateSubmit(create, ({ enterprise }) => labourPaths.enterprise(enterprise.id));

  return (
    <FormPage title={t('labour.newEnterprise')}>
      <EnterpriseForm
        mode="create"
        initialValues={{ unitId: unitId ?? user.grants[0]?.unitId }}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => navigate(scoped(labourPaths.enterprises))}
        onSubmit={(values) => submit(values as CreateEnterpriseInput)}
      />
    </FormPage>
  );
}

export { EnterpriseCreateRoute as Component };
