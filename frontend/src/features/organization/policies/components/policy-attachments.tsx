import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from '@/components/attachments/attachment-list';
import { RemoveAttachmentButton } from '@/components/attachments/remove-attachment-button';
import { ServerErrorAlert } from '@/components/form/server-errors';
import type { PolicyDetail } from '../api/policies';
import { useDeletePolicyAttachment, useDownloadPolicyAttachment, useUploadPolicyAttachment } from '../api/policy-attachments';

type PolicyAttachment = PolicyDetail['attachments'][number];

/** The document's files: readers download them; managers upload more and delete them (after a confirmation). */
export function PolicyAttachments({ policy, canManage }: { policy: PolicyDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadPolicyAttachment();
  const download = useDownloadPolicyAttachment();
  const remove = useDeletePolicyAttachment();
  const a = (k: string, o: Record<string, unknown> = {}) => t(`organization.policies.attachments.${k}`, o);
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {a('title')}
        </Typography.Title>
      }
    >
      <ServerErrorAlert error={remove.error} />
      <AttachmentList<PolicyAttachment>
        items={policy.attachments}
        empty={a('empty')}
        onUpload={canManage ? (file) => upload.mutateAsync({ policyId: policy.id, file }) : undefined}
        uploading={upload.isPending}
        onDownload={(x) => download.mutateAsync({ policyId: policy.id, attachmentId: x.id, fileName: x.fileName })}
        downloadingId={download.isPending ? download.variables?.attachmentId : undefined}
        extraColumns={
          canManage
            ? [
                {
                  key: 'delete',
                  align: 'end',
                  title: <span className="visually-hidden">{a('delete')}</span>,
                  render: (_: unknown, x: PolicyAttachment) => (
                    <RemoveAttachmentButton
                      confirm={a('deleteConfirm', { name: x.fileName })}
                      okText={a('delete')}
                      label={a('deleteFile', { name: x.fileName })}
                      removedMessage={a('deleted')}
                      onRemove={() => remove.mutateAsync({ policyId: policy.id, attachmentId: x.id, version: policy.version })}
                      loading={remove.isPending && remove.variables?.attachmentId === x.id}
                      testId="delete-policy-attachment"
                    />
                  ),
                },
              ]
            : []
        }
        uploadTestId="policy-upload"
        testId="policy-attachments"
      />
    </Card>
  );
}
