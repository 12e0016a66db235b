import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from '@/components/attachments/attachment-list';
import { RemoveAttachmentButton } from '@/components/attachments/remove-attachment-button';
import { ServerErrorAlert } from '@/components/form/server-errors';
import {
  useDeleteEvidence,
  useDownloadEvidence,
  useUploadEvidence,
  type InitiativeAttachment,
  type InitiativeDetail,
} from '../api/initiatives';

/**
 * The evidence of an application for recognition (drawings, photos, documents showing the result of the application):
 * everyone who reads the application — council members scoring it included — lists and downloads it; whoever may edit
 * the draft uploads and deletes (after a confirmation). Once submitted the evidence is frozen (409 initiative_locked).
 */
export function EvidenceCard({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const upload = useUploadEvidence();
  const download = useDownloadEvidence();
  const remove = useDeleteEvidence();
  const e = (k: string, o: Record<string, unknown> = {}) => t(`initiatives.evidence.${k}`, o);
  const editable = initiative.canEdit;

  return (
    <Card
      data-testid="initiative-evidence"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {e('title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">{editable ? e('hintDraft') : e('hintFrozen')}</Typography.Paragraph>
      <ServerErrorAlert error={remove.error} codeMessages={{ initiative_locked: e('locked') }} />
      <AttachmentList<InitiativeAttachment>
        items={initiative.attachments}
        empty={e('empty')}
        onUpload={editable ? (file, onProgress) => upload.mutateAsync({ id: initiative.id, file, onProgress }) : undefined}
        uploading={upload.isPending}
        uploadLabel={e('upload')}
        uploadedMessage={e('uploaded')}
        onDownload={(a) => download.mutateAsync({ id: initiative.id, attachmentId: a.id, fileName: a.fileName })}
        downloadingId={download.isPending ? download.variables?.attachmentId : undefined}
        extraColumns={
          editable
            ? [
                {
                  key: 'delete',
                  align: 'end',
                  title: <span className="visually-hidden">{e('delete')}</span>,
                  render: (_: unknown, a: InitiativeAttachment) => (
                    <RemoveAttachmentButton
                      confirm={e('deleteConfirm', { name: a.fileName })}
                      okText={e('delete')}
                      label={e('deleteFile', { name: a.fileName })}
                      removedMessage={e('deleted')}
                      onRemove={() => remove.mutateAsync({ id: initiative.id, attachmentId: a.id })}
                      loading={remove.isPending && remove.variables?.attachmentId === a.id}
                      testId="delete-evidence"
                    />
                  ),
                },
              ]
            : []
        }
        uploadTestId="evidence-upload"
        testId="evidence-files"
      />
    </Card>
  );
}
