import { Alert, App, Button, Card, Flex, Table, Typography, Upload, type UploadProps } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey, EmptyState } from '@/components/states';
import { ApiError } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format/date';
import type { PolicyAttachment, PolicyDetail } from '../api/policies';
import {
  ATTACHMENT_ACCEPT,
  MAX_ATTACHMENT_BYTES,
  useDownloadPolicyAttachment,
  useUploadPolicyAttachment,
} from '../api/policy-attachments';

/** 1234567 → "1,2 MB" (vi) / "1.2 MB" (en). */
function formatSize(bytes: number, language: string) {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/**
 * The document's files: each downloads with the bearer token (fetched as a blob, saved through an object
 * URL). Managers upload more; the API checks type and size by content and its `errors.file` message is shown.
 */
export function PolicyAttachments({ policy, canManage }: { policy: PolicyDetail; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadPolicyAttachment();
  const download = useDownloadPolicyAttachment();
  const [uploadError, setUploadError] = useState<string | null>(null);

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setUploadError(null);
    upload.mutate(
      { policyId: policy.id, file: file as File },
      {
        onSuccess: (saved) => {
          onSuccess?.(saved);
          void message.success(t('organization.policies.attachments.uploaded'));
        },
        onError: (error) => {
          onError?.(error);
          const fileMessages = error instanceof ApiError ? error.fieldErrors.file : undefined;
          setUploadError(
            fileMessages?.length
              ? fileMessages.join(' ')
              : error instanceof ApiError && error.status === 413
                ? t('organization.policies.attachments.tooLarge')
                : t(errorMessageKey(error)),
          );
        },
      },
    );
  };

  const onDownload = (attachment: PolicyAttachment) =>
    download.mutate(
      { policyId: policy.id, attachmentId: attachment.id, fileName: attachment.fileName },
      { onError: (error) => void message.error(`${t('organization.policies.attachments.downloadFailed')} ${t(errorMessageKey(error))}`) },
    );

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('organization.policies.attachments.title')}
        </Typography.Title>
      }
    >
      <Flex vertical gap={12}>
        {canManage ? (
          <Flex vertical gap={8} data-testid="policy-upload">
            <Flex gap={12} align="center" wrap>
              <Upload
                accept={ATTACHMENT_ACCEPT}
                showUploadList={false}
                multiple={false}
                customRequest={customRequest}
                beforeUpload={(file) => {
                  if (file.size > MAX_ATTACHMENT_BYTES) {
                    setUploadError(t('organization.policies.attachments.tooLarge'));
                    return Upload.LIST_IGNORE;
                  }
                  return true;
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending}>
                  {t('organization.policies.attachments.upload')}
                </Button>
              </Upload>
              <Typography.Text type="secondary">{t('organization.policies.attachments.hint')}</Typography.Text>
            </Flex>
            {uploadError ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                data-testid="upload-error"
                title={t('organization.policies.attachments.uploadFailed')}
                description={uploadError}
                closable={{ onClose: () => setUploadError(null), 'aria-label': t('common.close') }}
              />
            ) : null}
          </Flex>
        ) : null}
        <Table<PolicyAttachment>
          rowKey="id"
          size="small"
          data-testid="policy-attachments"
          dataSource={policy.attachments}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t('organization.policies.attachments.empty')} /> }}
          columns={[
            {
              title: t('organization.policies.attachments.fileName'),
              dataIndex: 'fileName',
              render: (name: string) => <span style={{ overflowWrap: 'anywhere' }}>{name}</span>,
            },
            {
              title: t('organization.policies.attachments.size'),
              dataIndex: 'size',
              responsive: ['sm'],
              render: (size: number) => formatSize(size, i18n.language),
            },
            {
              title: t('organization.policies.attachments.uploadedAt'),
              dataIndex: 'uploadedAt',
              responsive: ['md'],
              render: (value: string, a) => (
                <>
                  {formatDateTime(value)}
                  {a.uploadedBy ? (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {a.uploadedBy}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            {
              title: <span className="visually-hidden">{t('common.actions')}</span>,
              key: 'download',
              align: 'end',
              render: (_: unknown, a) => (
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() => onDownload(a)}
                  loading={download.isPending && download.variables?.attachmentId === a.id}
                  aria-label={t('organization.policies.attachments.downloadFile', { name: a.fileName })}
                  data-testid="download-attachment"
                >
                  {t('organization.policies.attachments.download')}
                </Button>
              ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
