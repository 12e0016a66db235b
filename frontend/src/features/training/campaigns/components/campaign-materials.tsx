import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from '@/components/attachments/attachment-list';
import { useDownloadMaterial, useUploadMaterial, type CampaignDetail } from '../api/campaigns';

/** The campaign's materials: everyone who reads the campaign downloads them; its managers upload more. */
export function CampaignMaterials({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const upload = useUploadMaterial();
  const download = useDownloadMaterial();
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('trainingCampaigns.materials.title')}
        </Typography.Title>
      }
    >
      <AttachmentList
        items={campaign.materials}
        empty={t('trainingCampaigns.materials.empty')}
        onUpload={campaign.canManage ? (file) => upload.mutateAsync({ campaignId: campaign.id, file }) : undefined}
        uploading={upload.isPending}
        uploadLabel={t('trainingCampaigns.materials.upload')}
        uploadedMessage={t('trainingCampaigns.materials.uploaded')}
        onDownload={(material) => download.mutateAsync({ campaignId: campaign.id, material })}
        downloadingId={download.isPending ? download.variables?.material.id : undefined}
        uploadTestId="material-upload"
        testId="campaign-materials"
      />
    </Card>
  );
}
