import '../strings';
import { App, Button, Descriptions, Flex, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useDocumentTitle } from '@/components/page/form-page';
import { ErrorState, LoadingState } from '@/components/states';
import { formatIsoDate } from '@/lib/format/date';
import {
  downloadHonourCertificate, downloadHonourList, useHonouringEvent, useRevokeHonourCertificate, type HonoureeView,
} from '../api/honouring';

/** An honouring event: its decisions, its honourees with their certificates, the honour list to print. */
export function HonouringDetailRoute() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useHonouringEvent(eventId);
  const e = query.data;
  const revoke = useRevokeHonourCertificate({ id: eventId, version: e?.version ?? 0 });
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const f = (k: string) => t(`honouring.fields.${k}`);
  useDocumentTitle(e?.name ?? t('honouring.event'));
  if (query.isLoading) return <LoadingState />;
  if (query.error || !e) return <ErrorState error={query.error} />;

  const download = (key: string, run: () => Promise<void>) => {
    setBusy(key);
    void run()
      .catch(() => void message.error(t('honouring.downloadFailed')))
      .finally(() => setBusy(null));
  };

  return (
    <>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <Typography.Title level={2} style={{ flex: '1 1 280px' }}>
          {e.name}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} loading={busy === 'list'} data-testid="download-honour-list" onClick={() => download('list', () => downloadHonourList(e.id))}>
          {t('honouring.downloadList')}
        </Button>
      </Flex>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        bordered
        items={[
          { key: 'unit', label: f('unit'), children: e.unitName },
          { key: 'heldOn', label: f('heldOn'), children: formatIsoDate(e.heldOn) },
          { key: 'venue', label: f('venue'), children: e.venue },
          {
            key: 'decisions', label: t('honouring.decisions'),
            children: e.decisions.map((d) => `${d.decisionNumber} (${formatIsoDate(d.decisionDate)}) — ${d.formName}`).join('; '),
          },
        ]}
      />
      <Typography.Title level={3} style={{ marginTop: 24 }}>
        {t('honouring.honourees')}
      </Typography.Title>
      <ServerErrorAlert error={revoke.error} />
      <Table<HonoureeView>
        rowKey="certificateId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={e.honourees}
        data-testid="honourees"
        columns={[
          { title: f('name_'), dataIndex: 'name' },
          { title: f('form'), dataIndex: 'formName', responsive: ['sm'] },
          { title: f('decision'), dataIndex: 'decisionNumber', responsive: ['md'] },
          {
            // The number links to the certificate's public check, the address its QR code prints.
            title: f('certificate'), dataIndex: 'certificateNumber', responsive: ['md'],
            render: (n: string, h) => (
              <Typography.Link href={h.verifyUrl} target="_blank" rel="noreferrer noopener" title={t('honouring.verifyLink')}
                aria-label={`${n} – ${t('honouring.verifyLink')}: ${h.name}`} data-testid={`verify-certificate-${h.order}`}>
                {n}
              </Typography.Link>
            ),
          },
          {
            title: f('status'), dataIndex: 'revoked',
            render: (revoked: boolean) => (revoked ? <Tag color="red">{t('honouring.revoked')}</Tag> : <Tag color="green">{t('honouring.valid')}</Tag>),
          },
          {
            key: 'actions', title: '',
            render: (_: unknown, h) => (
              <Flex gap={8} wrap>
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  loading={busy === h.certificateId}
                  data-testid={`download-certificate-${h.order}`}
                  onClick={() => download(h.certificateId, () => downloadHonourCertificate(h.certificateId))}
                >
                  {t('honouring.downloadCertificate')}
                </Button>
                {e.canManage && !h.revoked && (
                  <Popconfirm
                    title={t('honouring.revokeReason')}
                    description={<Input aria-label={t('honouring.revokeReason')} value={reason} onChange={(x) => setReason(x.target.value)} maxLength={1000} />}
                    okText={t('honouring.confirmRevoke')}
                    okButtonProps={{ disabled: !reason.trim() }}
                    onConfirm={() => revoke.mutateAsync({ certificateId: h.certificateId, reason: reason.trim() }).then(() => setReason(''))}
                  >
                    <Button size="small" danger data-testid={`revoke-certificate-${h.order}`}>
                      {t('honouring.revoke')}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}

export { HonouringDetailRoute as Component };
