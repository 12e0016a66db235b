import '../strings';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { useUser } from '@/lib/auth/auth';
import { FormPage } from '@/components/page/form-page';
import { useCreateInitiative } from '../api/initiatives';
import { InitiativeForm } from '../components/initiative-form';
import { initiativePaths } from '../paths';

export function InitiativeCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useUser();
  const create = useCreateInitiative();
  const submit = useCreateSubmit(create, ({ initiative }) => initiativePaths.detail(initiative.id));

  return (
    <FormPage title={t('initiatives.new')}>
      <InitiativeForm
        mode="create"
        initialValues={{ unitId: user.grants[0]?.unitId, authors: [{ fullName: user.fullName, email: user.email, sharePercent: 100 }] }}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => navigate(initiativePaths.list)}
        onSubmit={(values) => submit(values)}
      />
    </FormPage>
  );
}

export { InitiativeCreateRoute as Component };
