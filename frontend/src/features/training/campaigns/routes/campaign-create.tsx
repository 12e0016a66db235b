import '../strings';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { useUser } from '@/lib/auth/auth';
import { FormPage } from '@/components/page/form-page';
import { useCreateCampaign } from '../api/campaigns';
import { CampaignForm } from '../components/campaign-form';
import { campaignPaths } from '../paths';

export function CampaignCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useUser();
  const create = useCreateCampaign();
  const submit = useCreateSubmit(create, ({ campaign }) => campaignPaths.detail(campaign.id));

  return (
    <FormPage title={t('trainingCampaigns.new')}>
      <CampaignForm
        mode="create"
        initialValues={{ unitId: user.grants[0]?.unitId }}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => navigate(campaignPaths.list)}
        onSubmit={(values) => submit(values)}
      />
    </FormPage>
  );
}

export { CampaignCreateRoute as Component };
