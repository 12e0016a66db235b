import '../strings';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { ApiError } from '@/lib/api/problem';
import { useHasPermission, useUser } from '@/lib/auth/auth';
import { todayInProvince } from '@/lib/format/date';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { FormPage } from '@/components/page/form-page';
import { useCreatePlan, type CreatePlanInput } from '../api/plans';
import { PlanForm } from '../components/plan-form';
import { planPaths } from '../paths';

/** Records a plan of a unit in the user's scope (the provincial plan, usually), with its sections and indicators. */
export function PlanCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const { unitId } = useUnitScope();
  const user = useUser();
  const canManage = useHasPermission(PERMISSIONS.plansManage);
  const create = useCreatePlan();
  const submit = useCreateSubmit(create, (plan) => planPaths.plan(plan.id), t('plans.form.created'));

  if (!canManage) return <ErrorState error={new ApiError(403, { status: 403 })} />;
  const year = todayInProvince().year();
  return (
    <FormPage title={t('plans.new')}>
      <PlanForm
        mode="create"
        // The unit chosen in the scope picker, else the user's own unit.
        initialValues={{ unitId: unitId ?? user.grants[0]?.unitId, periodFrom: year, periodTo: year + 2, sections: [], indicators: [] }}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => navigate(scoped(planPaths.list()))}
        onSubmit={(values) => submit(values as CreatePlanInput)}
      />
    </FormPage>
  );
}

export { PlanCreateRoute as Component };
