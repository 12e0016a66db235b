import { Alert, App, Button, Flex, Table, Typography, Upload, type UploadProps } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey, EmptyState } from '@/components/states';
import { ApiError } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format/date';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES } from '../../policies/api/policy-attachments';
import {
  useDownloadImplementationFile,
  useUploadImplementationFile,
  type ImplementationAttachment,
  type ImplementationPlan,
} from '../api/implementation-plans';

/** The signed documents of the plan, each tied to the revision current when it was uploaded. */
export function ImplementationFiles({ implementation, canManage }: { implementation: ImplementationPlan; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadImplementationFile();
  const download = useDownloadImplementationFile();
  const [uploadError, setUploadError] = useState<string | null>(null);
  const ids = { planId: implementation.planId, unitId: implementation.unitId };

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setUploadError(null);
    upload.mutate(
      { ...ids, file: file as File },
      {
        onSuccess: (saved) => {
          onSuccess?.(saved);
          void message.success(t('plans.files.uploaded'));
        },
        onError: (error) => {
          onError?.(error);
          const messages = error instanceof ApiError ? error.fieldErrors.file : undefined;
          setUploadError(messages?.length ? messages.join(' ') : t(errorMessageKey(error)));
        },
      },
    );
  };

  return (
    <Flex vertical gap={8}>
      <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
        {t('plans.files.title')}
      </Typography.Title>
      {canManage ? (
        <Flex gap={12} align="center" wrap data-testid="implementation-upload">
          <Upload
            accept={ATTACHMENT_ACCEPT}
            showUploadList={false}
            multiple={false}
            customRequest={customRequest}
            beforeUpload={(file) => {
              if (file.size > MAX_ATTACHMENT_BYTES) {
                setUploadError(t('plans.files.tooLarge'));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('plans.files.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('plans.files.hint')}</Typography.Text>
        </Flex>
      ) : null}
      {uploadError ? (
        <Alert type="error" showIcon role="alert" data-testid="upload-error" title={t('plans.files.uploadFailed')} description={uploadError} />
      ) : null}
      <Table<ImplementationAttachment>
        rowKey="id"
        size="small"
        data-testid="implementation-files"
        dataSource={implementation.attachments}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('plans.files.empty')} /> }}
        columns={[
          { title: t('plans.files.fileName'), dataIndex: 'fileName', render: (n: string) => <span style={{ overflowWrap: 'anywhere' }}>{n}</span> },
          {
            title: t('plans.our.revisionNo'),
            dataIndex: 'revisionNo',
            render: (n: number) => (n === 0 ? t('plans.our.draftRevision') : n),
          },
          { title: t('plans.files.uploadedAt'), dataIndex: 'uploadedAt', responsive: ['md'], render: (v: string) => formatDateTime(v) },
          {
            title: <span className="visually-hidden">{t('common.actions')}</span>,
            key: 'download',
            align: 'end',
            render: (_: unknown, a) => (
              <Button
                icon={<DownloadOutlined />}
                aria-label={t('plans.files.downloadFile', { name: a.fileName })}
                loading={download.isPending && download.variables?.attachmentId === a.id}
                onClick={() =>
                  download.mutate(
                    { ...ids, attachmentId: a.id, fileName: a.fileName },
                    { onError: (error) => void message.error(t(errorMessageKey(error))) },
                  )
                }
              >
                {t('plans.files.download')}
              </Button>
            ),
          },
        ]}
      />
    </Flex>
  );
}
