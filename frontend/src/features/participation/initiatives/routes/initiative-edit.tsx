import '../strings';
import { App } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { FormPage } from '@/components/page/form-page';
import { useInitiative, useUpdateInitiative } from '../api/initiatives';
import { InitiativeForm, initiativeToValues } from '../components/initiative-form';
import { initiativePaths } from '../paths';

export function InitiativeEditRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { initiativeId = '' } = useParams();
  const query = useInitiative(initiativeId);
  const update = useUpdateInitiative();

  if (query.isPending) return <LoadingState />;
  if (query.isError || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { initiative, etag } = query.data;

  return (
    <FormPage title={t('initiatives.editTitle')}>
      <InitiativeForm
        key={etag}
        mode="edit"
        initialValues={initiativeToValues(initiative)}
        submitting={update.isPending}
        error={update.error}
        onReload={() => {
          update.reset();
          void query.refetch();
        }}
        onCancel={() => navigate(initiativePaths.detail(initiative.id))}
        onSubmit={({ unitId: _unit, ...data }) =>
          update.mutate(
            { id: initiative.id, data, etag },
            {
              onSuccess: () => {
                void message.success(t('form.saved'));
                navigate(initiativePaths.detail(initiative.id));
              },
            },
          )
        }
      />
    </FormPage>
  );
}

export { InitiativeEditRoute as Component };
