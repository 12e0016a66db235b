import '../strings';
import { App, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { ApiError } from '@/lib/api/problem';
import { useHasPermission, useUser } from '@/lib/auth/auth';
import { todayInProvince } from '@/lib/format/date';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { useCreatePlan, type CreatePlanInput } from '../api/plans';
import { PlanForm } from '../components/plan-form';
import { planPaths } from '../paths';

/** Records a plan of a unit in the user's scope (the provincial plan, usually), with its sections and indicators. */
export function PlanCreateRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const { unitId } = useUnitScope();
  const user = useUser();
  const canManage = useHasPermission(PERMISSIONS.plansManage);
  const create = useCreatePlan();
  const [idempotencyKey, settleKey] = useIdempotencyKey();

  useEffect(() => {
    document.title = `${t('plans.new')} · ${t('app.name')}`;
  }, [t]);

  if (!canManage) return <ErrorState error={new ApiError(403, { status: 403 })} />;
  const year = todayInProvince().year();
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('plans.new')}
        </Typography.Title>
      }
    >
      <PlanForm
        mode="create"
        // The unit chosen in the scope picker, else the user's own unit.
        initialValues={{ unitId: unitId ?? user.grants[0]?.unitId, periodFrom: year, periodTo: year + 2, sections: [], indicators: [] }}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => navigate(scoped(planPaths.list()))}
        onSubmit={(values) =>
          create.mutate(
            { data: values as CreatePlanInput, idempotencyKey },
            {
              onSettled: (_data, error) => settleKey(error ?? undefined),
              onSuccess: (plan) => {
                void message.success(t('plans.form.created'));
                navigate(scoped(planPaths.plan(plan.id)));
              },
            },
          )
        }
      />
    </Card>
  );
}

export { PlanCreateRoute as Component };
