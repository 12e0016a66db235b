import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from '@/components/attachments/attachment-list';
import { RemoveAttachmentButton } from '@/components/attachments/remove-attachment-button';
import { ServerErrorAlert } from '@/components/form/server-errors';
import {
  useDeleteImplementationFile,
  useDownloadImplementationFile,
  useUploadImplementationFile,
  type ImplementationAttachment,
  type ImplementationPlan,
} from '../api/implementation-plans';

/**
 * The signed documents of the plan, each tied to the revision current when it was uploaded. Whoever manages the plan
 * uploads more and removes one (after a confirmation, sent with the plan's tag); a file of an earlier issue stays (409).
 */
export function ImplementationFiles({ implementation, etag, canManage }: { implementation: ImplementationPlan; etag: string; canManage: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadImplementationFile();
  const download = useDownloadImplementationFile();
  const remove = useDeleteImplementationFile();
  const f = (k: string, o: Record<string, unknown> = {}) => t(`plans.files.${k}`, o);
  const ids = { planId: implementation.planId, unitId: implementation.unitId };
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
        {f('title')}
      </Typography.Title>
      <ServerErrorAlert error={remove.error} codeMessages={{ implementation_file_of_earlier_revision: f('earlierRevision') }} />
      <AttachmentList<ImplementationAttachment>
        items={implementation.attachments}
        empty={f('empty')}
        onUpload={canManage ? (file) => upload.mutateAsync({ ...ids, file }) : undefined}
        uploading={upload.isPending}
        onDownload={(a) => download.mutateAsync({ ...ids, attachmentId: a.id, fileName: a.fileName })}
        downloadingId={download.isPending ? download.variables?.attachmentId : undefined}
        extraColumns={[
          {
            title: t('plans.our.revisionNo'),
            dataIndex: 'revisionNo',
            render: (n: number) => (n === 0 ? t('plans.our.draftRevision') : n),
          },
          ...(canManage
            ? [
                {
                  key: 'delete',
                  align: 'end' as const,
                  title: <span className="visually-hidden">{f('delete')}</span>,
                  render: (_: unknown, a: ImplementationAttachment) => (
                    <RemoveAttachmentButton
                      confirm={f('deleteConfirm', { name: a.fileName })}
                      okText={f('delete')}
                      label={f('deleteFile', { name: a.fileName })}
                      removedMessage={f('deleted')}
                      onRemove={() => remove.mutateAsync({ ...ids, attachmentId: a.id, etag })}
                      loading={remove.isPending && remove.variables?.attachmentId === a.id}
                      testId="delete-implementation-file"
                    />
                  ),
                },
              ]
            : []),
        ]}
        uploadTestId="implementation-upload"
        testId="implementation-files"
      />
    </Flex>
  );
}
