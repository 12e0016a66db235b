import { App, Button, Card, Popconfirm, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from '@/components/attachments/attachment-list';
import { ServerErrorAlert } from '@/components/form/server-errors';
import type { PolicyDetail } from '../api/policies';
import { useDeletePolicyAttachment, useDownloadPolicyAttachment, useUploadPolicyAttachment } from '../api/policy-attachments';

type PolicyAttachment = PolicyDetail['attachments'][number];

/** The document's files: readers download them; managers upload more and delete them (after a confirmation). */
export function PolicyAttachments({ policy, canManage }: { policy: PolicyDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
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
                    <Popconfirm
                      title={a('deleteConfirm', { name: x.fileName })}
                      okText={a('delete')}
                      okButtonProps={{ danger: true, ...({ 'data-testid': 'delete-policy-attachment-confirm' } as Record<string, string>) }}
                      onConfirm={() =>
                        remove
                          .mutateAsync({ policyId: policy.id, attachmentId: x.id, version: policy.version })
                          .then(() => void message.success(a('deleted')))
                      }
                    >
                      <Button
                        danger
                        icon={<DeleteOutlined />}
                        loading={remove.isPending && remove.variables?.attachmentId === x.id}
                        aria-label={a('deleteFile', { name: x.fileName })}
                        data-testid="delete-policy-attachment"
                      />
                    </Popconfirm>
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
