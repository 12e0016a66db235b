import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from '@/components/attachments/attachment-list';
import type { PolicyDetail } from '../api/policies';
import { useDownloadPolicyAttachment, useUploadPolicyAttachment } from '../api/policy-attachments';

/** The document's files: readers download them; managers upload more. */
export function PolicyAttachments({ policy, canManage }: { policy: PolicyDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadPolicyAttachment();
  const download = useDownloadPolicyAttachment();
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('organization.policies.attachments.title')}
        </Typography.Title>
      }
    >
      <AttachmentList
        items={policy.attachments}
        empty={t('organization.policies.attachments.empty')}
        onUpload={canManage ? (file) => upload.mutateAsync({ policyId: policy.id, file }) : undefined}
        uploading={upload.isPending}
        onDownload={(a) => download.mutateAsync({ policyId: policy.id, attachmentId: a.id, fileName: a.fileName })}
        downloadingId={download.isPending ? download.variables?.attachmentId : undefined}
        uploadTestId="policy-upload"
        testId="policy-attachments"
      />
    </Card>
  );
}
