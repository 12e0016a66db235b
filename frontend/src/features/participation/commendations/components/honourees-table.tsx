import { Button, Flex, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HonouringEventDetail, HonoureeView } from '../api/honouring';

type Props = {
  event: HonouringEventDetail;
  /** The certificate being downloaded, if any. */
  busy: string | null;
  onDownload: (h: HonoureeView) => void;
  revokeReason: string;
  onRevokeReason: (reason: string) => void;
  onRevoke: (h: HonoureeView) => Promise<void>;
};

/**
 * An honouring event's honourees with their certificates. At office width a table that fits the page (long names and
 * forms cut with an ellipsis, whole on hover); on a phone (below 576 px) one column of cards instead, each with the
 * whole name, the form and decision, the certificate's check link, its status and its buttons — nothing cut off.
 */
export function HonoureesTable({ event: e, busy, onDownload, revokeReason, onRevokeReason, onRevoke }: Props) {
  const { t } = useTranslation();
  const f = (k: string) => t(`honouring.fields.${k}`);

  // The number links to the certificate's public check, the address its QR code prints.
  const certificate = (h: HonoureeView) => (
    <Typography.Link href={h.verifyUrl} target="_blank" rel="noreferrer noopener" title={t('honouring.verifyLink')}
      aria-label={`${h.certificateNumber} – ${t('honouring.verifyLink')}: ${h.name}`} data-testid={`verify-certificate-${h.order}`}>
      {h.certificateNumber}
    </Typography.Link>
  );
  const status = (h: HonoureeView) => (h.revoked ? <Tag color="red">{t('honouring.revoked')}</Tag> : <Tag color="green">{t('honouring.valid')}</Tag>);
  const actions = (h: HonoureeView) => (
    <Flex gap={8}>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        loading={busy === h.certificateId}
        title={t('honouring.downloadCertificate')}
        aria-label={`${t('honouring.downloadCertificate')}: ${h.name}`}
        data-testid={`download-certificate-${h.order}`}
        onClick={() => onDownload(h)}
      />
      {e.canManage && !h.revoked && (
        <Popconfirm
          title={t('honouring.revokeReason')}
          description={<Input aria-label={t('honouring.revokeReason')} value={revokeReason} onChange={(x) => onRevokeReason(x.target.value)} maxLength={1000} />}
          okText={t('honouring.confirmRevoke')}
          okButtonProps={{ disabled: !revokeReason.trim() }}
          onConfirm={() => onRevoke(h)}
        >
          <Button size="small" danger data-testid={`revoke-certificate-${h.order}`}>
            {t('honouring.revoke')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );

  return (
    <Table<HonoureeView>
      rowKey="certificateId"
      size="small"
      pagination={false}
      tableLayout="fixed"
      dataSource={e.honourees}
      data-testid="honourees"
      columns={[
        {
          // Phones only: the whole honouree in one cell, wrapping instead of cut.
          key: 'card', title: f('name_'), responsive: ['xs'],
          render: (_: unknown, h) => (
            <Flex vertical gap={4} data-testid={`honouree-card-${h.order}`}>
              <Typography.Text strong>{h.name}</Typography.Text>
              <Typography.Text type="secondary">{h.formName} — {h.decisionNumber}</Typography.Text>
              <span>{f('certificate')}: {certificate(h)}</span>
              <Flex gap={8} wrap align="center">
                {status(h)}
                {actions(h)}
              </Flex>
            </Flex>
          ),
        },
        // Office width: fits the page (no sideways scroll), long names and forms cut with an ellipsis, the actions stay in view.
        { title: f('name_'), dataIndex: 'name', responsive: ['sm'], ellipsis: true },
        { title: f('form'), dataIndex: 'formName', responsive: ['sm'], ellipsis: true },
        { title: f('decision'), dataIndex: 'decisionNumber', responsive: ['md'], width: 150, ellipsis: true },
        { title: f('certificate'), dataIndex: 'certificateNumber', responsive: ['md'], width: 140, ellipsis: true, render: (_: string, h) => certificate(h) },
        { title: f('status'), dataIndex: 'revoked', responsive: ['sm'], width: 110, render: (_: boolean, h) => status(h) },
        { key: 'actions', title: '', responsive: ['sm'], width: 130, render: (_: unknown, h) => actions(h) },
      ]}
    />
  );
}
