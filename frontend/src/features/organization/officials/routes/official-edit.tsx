import { App } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { paths } from '@/config/paths';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { FormPage } from '@/components/page/form-page';
import { useOfficial, useUpdateOfficial } from '../api/officials';
import { OfficialForm } from '../components/official-form';

export function OfficialEditRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { officialId = '' } = useParams();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const query = useOfficial(officialId);
  const update = useUpdateOfficial();

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const { official, etag } = query.data;
  return (
    <FormPage title={t('organization.editOfficial')} heading={<>{t('organization.editOfficial')}: {official.fullName}</>}>
      <OfficialForm
        // A reload brings a new version: remount so the fields show it.
        key={etag}
        mode="edit"
        initialValues={{
          fullName: official.fullName,
          position: official.position,
          phone: official.phone ?? undefined,
          email: official.email ?? undefined,
          expertise: official.expertise ?? undefined,
          politicalTheory: official.politicalTheory,
          foreignLanguage: official.foreignLanguage ?? undefined,
          researchMethodsTrained: official.researchMethodsTrained,
        }}
        submitting={update.isPending}
        error={update.error}
        onCancel={() => navigate(scoped(paths.official(official.id)))}
        onReload={() => {
          update.reset();
          void query.refetch();
        }}
        onSubmit={({ unitId: _unitId, ...data }) =>
          update.mutate(
            { id: official.id, etag, data },
            {
              onSuccess: () => {
                void message.success(t('form.saved'));
                navigate(scoped(paths.official(official.id)));
              },
            },
          )
        }
      />
    </FormPage>
  );
}

export { OfficialEditRoute as Component };
