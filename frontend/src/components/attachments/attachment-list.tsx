import { Alert, App, Button, Flex, Progress, Table, Typography, Upload, type TableColumnsType, type UploadProps } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey, EmptyState } from '@/components/states';
import { ApiError } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format/date';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MB } from './limits';

/** What the list shows of a file; each place's read model has these fields (the size where it keeps one). */
export interface AttachmentItem {
  id: string;
  fileName: string;
  size?: number;
  uploadedAt: string;
  uploadedBy?: string | null;
}

export interface AttachmentListProps<T extends AttachmentItem> {
  items: readonly T[];
  /** Shown when the list is empty. */
  empty: string;
  /**
   * Sends one file (the API answers 413 or `errors.file` when it refuses it); absent for readers. A place that can
   * tell how much is sent calls `onProgress` with a percentage, shown as a bar under the button.
   */
  onUpload?: (file: File, onProgress: (percent: number) => void) => Promise<unknown>;
  uploading?: boolean;
  /** The upload button's words ("Tải tệp lên" unless the place names its files). */
  uploadLabel?: string;
  /** Shown after a file is stored. */
  uploadedMessage?: string;
  onDownload: (item: T) => Promise<unknown>;
  /** The id of the file being downloaded, for its button's spinner. */
  downloadingId?: string;
  /** Columns of this place only (the revision of a plan's file), before the download button. */
  extraColumns?: TableColumnsType<T>;
  /** Test ids of the upload controls and of the table (browser tests find them by these). */
  uploadTestId?: string;
  testId?: string;
}

/** 1234567 → "1,2 MB" (vi) / "1.2 MB" (en). */
export function formatSize(bytes: number, language: string) {
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
 * The files of a record (policy, campaign material, partner agreement, implementation plan): each downloads with
 * the bearer token; whoever may manage the record uploads more. Files over the API's limit are refused before
 * uploading; otherwise the API decides by content and its `errors.file` message is shown.
 */
export function AttachmentList<T extends AttachmentItem>({
  items,
  empty,
  onUpload,
  uploading = false,
  uploadLabel,
  uploadedMessage,
  onDownload,
  downloadingId,
  extraColumns = [],
  uploadTestId,
  testId,
}: AttachmentListProps<T>) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const tooLarge = t('attachments.tooLarge', { max: MAX_ATTACHMENT_MB });

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setUploadError(null);
    onUpload!(file as File, setProgress).then(
      (saved) => {
        setProgress(null);
        onSuccess?.(saved);
        void message.success(uploadedMessage ?? t('attachments.uploaded'));
      },
      (error: unknown) => {
        setProgress(null);
        onError?.(error as Error);
        const fileMessages = error instanceof ApiError ? error.fieldErrors.file : undefined;
        setUploadError(
          fileMessages?.length ? fileMessages.join(' ') : error instanceof ApiError && error.status === 413 ? tooLarge : t(errorMessageKey(error)),
        );
      },
    );
  };

  const download = (item: T) =>
    onDownload(item).catch((error: unknown) => void message.error(`${t('attachments.downloadFailed')} ${t(errorMessageKey(error))}`));

  const hasSizes = items.some((item) => item.size !== undefined);
  const sizeColumn: TableColumnsType<T>[number] = {
    title: t('attachments.size'),
    dataIndex: 'size',
    responsive: ['sm'],
    render: (size: number) => formatSize(size, i18n.language),
  };
  const columns: TableColumnsType<T> = [
    {
      title: t('attachments.fileName'),
      dataIndex: 'fileName',
      render: (name: string) => <span style={{ overflowWrap: 'anywhere' }}>{name}</span>,
    },
    ...(hasSizes ? [sizeColumn] : []),
    ...extraColumns,
    {
      title: t('attachments.uploadedAt'),
      dataIndex: 'uploadedAt',
      responsive: ['md'],
      render: (value: string, item) => (
        <>
          {formatDateTime(value)}
          {item.uploadedBy ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {item.uploadedBy}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: <span className="visually-hidden">{t('common.actions')}</span>,
      key: 'download',
      align: 'end',
      render: (_: unknown, item) => (
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void download(item)}
          loading={downloadingId === item.id}
          aria-label={t('attachments.downloadFile', { name: item.fileName })}
          data-testid="download-attachment"
        >
          {t('attachments.download')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      {onUpload ? (
        <Flex vertical gap={8} data-testid={uploadTestId}>
          <Flex gap={12} align="center" wrap>
            <Upload
              accept={ATTACHMENT_ACCEPT}
              showUploadList={false}
              multiple={false}
              customRequest={customRequest}
              beforeUpload={(file) => {
                if (file.size > MAX_ATTACHMENT_BYTES) {
                  setUploadError(tooLarge);
                  return Upload.LIST_IGNORE;
                }
                return true;
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading}>
                {uploadLabel ?? t('attachments.upload')}
              </Button>
            </Upload>
            <Typography.Text type="secondary">{t('attachments.hint', { max: MAX_ATTACHMENT_MB })}</Typography.Text>
          </Flex>
          {uploading && progress !== null ? (
            <Progress percent={progress} size="small" aria-label={t('attachments.upload')} data-testid="upload-progress" />
          ) : null}
          {uploadError ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="upload-error"
              title={t('attachments.uploadFailed')}
              description={uploadError}
              closable={{ onClose: () => setUploadError(null), 'aria-label': t('common.close') }}
            />
          ) : null}
        </Flex>
      ) : null}
      <Table<T>
        rowKey="id"
        size="small"
        data-testid={testId}
        dataSource={items as T[]}
        pagination={false}
        locale={{ emptyText: <EmptyState description={empty} /> }}
        columns={columns}
      />
    </Flex>
  );
}
