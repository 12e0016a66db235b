import '../strings';
import { App } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { FormPage } from '@/components/page/form-page';
import { useCampaign, useUpdateCampaign } from '../api/campaigns';
import { CampaignForm, campaignToValues } from '../components/campaign-form';
import { campaignPaths } from '../paths';

export function CampaignEditRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { campaignId = '' } = useParams();
  const query = useCampaign(campaignId);
  const update = useUpdateCampaign();

  if (query.isPending) return <LoadingState />;
  if (query.isError || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { campaign, etag } = query.data;

  return (
    <FormPage title={t('trainingCampaigns.editTitle')}>
      <CampaignForm
        key={etag}
        mode="edit"
        initialValues={campaignToValues(campaign)}
        submitting={update.isPending}
        error={update.error}
        onReload={() => {
          update.reset();
          void query.refetch();
        }}
        onCancel={() => navigate(campaignPaths.detail(campaign.id))}
        onSubmit={({ unitId: _unit, ...data }) =>
          update.mutate(
            { id: campaign.id, data, etag },
            {
              onSuccess: () => {
                void message.success(t('form.saved'));
                navigate(campaignPaths.detail(campaign.id));
              },
            },
          )
        }
      />
    </FormPage>
  );
}

export { CampaignEditRoute as Component };
