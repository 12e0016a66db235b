import '../strings';
import { App, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { useUser } from '@/lib/auth/auth';
import { useCreateCampaign } from '../api/campaigns';
import { CampaignForm } from '../components/campaign-form';
import { campaignPaths } from '../paths';

export function CampaignCreateRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useUser();
  const create = useCreateCampaign();
  const [idempotencyKey, settleKey] = useIdempotencyKey();

  useEffect(() => {
    document.title = `${t('trainingCampaigns.new')} · ${t('app.name')}`;
  }, [t]);

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('trainingCampaigns.new')}
        </Typography.Title>
      }
    >
      <CampaignForm
        mode="create"
        initialValues={{ unitId: user.grants[0]?.unitId }}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => navigate(campaignPaths.list)}
        onSubmit={(values) =>
          create.mutate(
            { data: values, idempotencyKey },
            {
              onSettled: (_data, error) => settleKey(error ?? undefined),
              onSuccess: ({ campaign }) => {
                void message.success(t('form.created'));
                navigate(campaignPaths.detail(campaign.id));
              },
            },
          )
        }
      />
    </Card>
  );
}

export { CampaignCreateRoute as Component };
