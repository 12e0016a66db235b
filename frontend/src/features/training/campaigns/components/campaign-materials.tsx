import { Alert, App, Button, Card, Flex, Table, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey, EmptyState } from '@/components/states';
import { ApiError } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format/date';
import { MATERIAL_ACCEPT, MAX_MATERIAL_BYTES, useDownloadMaterial, useUploadMaterial, type CampaignDetail, type CampaignMaterial } from '../api/campaigns';

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

/** The campaign's materials: everyone who reads the campaign downloads them; its managers upload more. */
export function CampaignMaterials({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadMaterial();
  const download = useDownloadMaterial();
  const [uploadError, setUploadError] = useState<string | null>(null);
  const m = (key: string) => t(`trainingCampaigns.materials.${key}`);

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setUploadError(null);
    upload.mutate(
      { campaignId: campaign.id, file: file as File },
      {
        onSuccess: (saved) => {
          onSuccess?.(saved);
          void message.success(m('uploaded'));
        },
        onError: (error) => {
          onError?.(error);
          const fileMessages = error instanceof ApiError ? error.fieldErrors.file : undefined;
          setUploadError(
            fileMessages?.length ? fileMessages.join(' ') : error instanceof ApiError && error.status === 413 ? m('tooLarge') : t(errorMessageKey(error)),
          );
        },
      },
    );
  };

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {m('title')}
        </Typography.Title>
      }
    >
      <Flex vertical gap={12}>
        {campaign.canManage ? (
          <Flex vertical gap={8} data-testid="material-upload">
            <Flex gap={12} align="center" wrap>
              <Upload
                accept={MATERIAL_ACCEPT}
                showUploadList={false}
                multiple={false}
                customRequest={customRequest}
                beforeUpload={(file) => {
                  if (file.size > MAX_MATERIAL_BYTES) {
                    setUploadError(m('tooLarge'));
                    return Upload.LIST_IGNORE;
                  }
                  return true;
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending}>
                  {m('upload')}
                </Button>
              </Upload>
              <Typography.Text type="secondary">{m('hint')}</Typography.Text>
            </Flex>
            {uploadError ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                data-testid="upload-error"
                title={m('uploadFailed')}
                description={uploadError}
                closable={{ onClose: () => setUploadError(null), 'aria-label': t('common.close') }}
              />
            ) : null}
          </Flex>
        ) : null}
        <Table<CampaignMaterial>
          rowKey="id"
          size="small"
          data-testid="campaign-materials"
          dataSource={campaign.materials}
          pagination={false}
          locale={{ emptyText: <EmptyState description={m('empty')} /> }}
          columns={[
            { title: m('fileName'), dataIndex: 'fileName', render: (name: string) => <span style={{ overflowWrap: 'anywhere' }}>{name}</span> },
            { title: m('size'), dataIndex: 'size', responsive: ['sm'], render: (size: number) => formatSize(size, i18n.language) },
            { title: m('uploadedAt'), dataIndex: 'uploadedAt', responsive: ['md'], render: (at: string) => formatDateTime(at) },
            {
              title: t('common.actions'),
              key: 'download',
              render: (_: unknown, material) => (
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  aria-label={`${m('download')} ${material.fileName}`}
                  onClick={() =>
                    download.mutate(
                      { campaignId: campaign.id, material },
                      { onError: (error) => void message.error(`${m('downloadFailed')} ${t(errorMessageKey(error))}`) },
                    )
                  }
                >
                  {m('download')}
                </Button>
              ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
