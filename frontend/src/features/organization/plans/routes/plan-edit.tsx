import '../strings';
import { App } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { ApiError } from '@/lib/api/problem';
import { useHasPermission } from '@/lib/auth/auth';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { FormPage } from '@/components/page/form-page';
import { usePlanForEdit, useUpdatePlan } from '../api/plans';
import { PlanForm, planToFields } from '../components/plan-form';
import { planPaths } from '../paths';

/** Replaces a plan's content; saved with If-Match, so a change made meanwhile by someone else is not overwritten. */
export function PlanEditRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const canManage = useHasPermission(PERMISSIONS.plansManage);
  const query = usePlanForEdit(planId);
  const update = useUpdatePlan();

  if (!canManage) return <ErrorState error={new ApiError(403, { status: 403 })} />;
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const { plan, etag } = query.data;
  return (
    <FormPage title={t('plans.edit')} heading={<>{t('plans.edit')}: {plan.number}</>}>
      <PlanForm
        // A reload brings a new version: remount so the fields show it.
        key={etag}
        mode="edit"
        initialValues={planToFields(plan)}
        submitting={update.isPending}
        error={update.error}
        onCancel={() => navigate(scoped(planPaths.plan(plan.id)))}
        onReload={() => {
          update.reset();
          void query.refetch();
        }}
        onSubmit={({ unitId: _unitId, ...data }) =>
          update.mutate(
            { id: plan.id, etag, data },
            {
              onSuccess: () => {
                void message.success(t('plans.form.saved'));
                navigate(scoped(planPaths.plan(plan.id)));
              },
            },
          )
        }
      />
    </FormPage>
  );
}

export { PlanEditRoute as Component };
