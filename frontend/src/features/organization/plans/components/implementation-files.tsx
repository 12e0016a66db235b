import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from '@/components/attachments/attachment-list';
import {
  useDownloadImplementationFile,
  useUploadImplementationFile,
  type ImplementationAttachment,
  type ImplementationPlan,
} from '../api/implementation-plans';

/** The signed documents of the plan, each tied to the revision current when it was uploaded. */
export function ImplementationFiles({ implementation, canManage }: { implementation: ImplementationPlan; canManage: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadImplementationFile();
  const download = useDownloadImplementationFile();
  const ids = { planId: implementation.planId, unitId: implementation.unitId };
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
        {t('plans.files.title')}
      </Typography.Title>
      <AttachmentList<ImplementationAttachment>
        items={implementation.attachments}
        empty={t('plans.files.empty')}
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
        ]}
        uploadTestId="implementation-upload"
        testId="implementation-files"
      />
    </Flex>
  );
}
