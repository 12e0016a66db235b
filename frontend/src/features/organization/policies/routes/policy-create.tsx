import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { useUser } from '@/lib/auth/auth';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { FormPage } from '@/components/page/form-page';
import { useCreatePolicy, type CreatePolicyInput } from '../api/policies';
import { PolicyForm } from '../components/policy-form';

export function PolicyCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const { unitId } = useUnitScope();
  const user = useUser();
  const create = useCreatePolicy();
  const submit = useCreateSubmit(create, (policy) => paths.policy(policy.id));

  return (
    <FormPage title={t('organization.policies.new')}>
      <PolicyForm
        mode="create"
        // The register of the unit chosen in the scope picker, else the user's own unit.
        initialValues={{ unitId: unitId ?? user.grants[0]?.unitId }}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => navigate(scoped(paths.policies))}
        onSubmit={(values) => submit(values as CreatePolicyInput)}
      />
    </FormPage>
  );
}

export { PolicyCreateRoute as Component };
