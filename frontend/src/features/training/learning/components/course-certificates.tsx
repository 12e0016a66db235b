import { ToneTag } from '@/components/tone-tag';
import '../strings';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Space, Table, Tooltip, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { isApiError } from '@/lib/api/problem';
import { formatIsoDate } from '@/lib/format/date';
import {
  useCourseCertificates,
  useDownloadCertificate,
  useIssueCertificates,
  useRevokeCertificate,
  verifyPathOf,
  type CertificateView,
  type NotQualifiedParticipant,
} from '../api/certificates';

/**
 * A course's certificates on its detail page: the coordinator issues them once the course is completed (again
 * issues only the missing ones) and revokes one with a reason; coordinator and partner staff download the PDFs.
 */
export function CourseCertificates({ courseId, completed = true }: { courseId: string; completed?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useHasPermission(PERMISSIONS.coursesManage);
  const list = useCourseCertificates(courseId);
  const issue = useIssueCertificates(courseId);
  const revoke = useRevokeCertificate(courseId);
  const download = useDownloadCertificate();
  const [revoking, setRevoking] = useState<CertificateView | null>(null);
  // #16: after issuing, who did not qualify and why (the server's reasons, under the course's completion rule).
  const [notQualified, setNotQualified] = useState<NotQualifiedParticipant[]>([]);
  const [form] = Form.useForm<{ reason: string }>();
  const p = (key: string) => t(`trainingCertificates.panel.${key}`);

  const onIssue = () =>
    issue.mutateAsync().then(
      (result) => {
        setNotQualified(result.notQualified);
        void message.success(
          result.issued > 0 ? t('trainingCertificates.panel.issued', { count: result.issued }) : p('issuedNone'),
        );
      },
      (error: unknown) => void message.error(isApiError(error, 409) ? p('notCompleted') : t('states.errorServer')),
    );

  const onRevoke = async () => {
    let reason: string;
    try {
      ({ reason } = await form.validateFields());
    } catch {
      return; // the form shows what is missing
    }
    try {
      await revoke.mutateAsync({ id: revoking!.id, reason });
      void message.success(p('revokedDone'));
      setRevoking(null);
      form.resetFields();
    } catch {
      void message.error(t('states.errorServer'));
    }
  };

  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <SafetyCertificateOutlined aria-hidden />
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {p('title')}
          </Typography.Title>
        </Flex>
      }
      extra={
        canManage ? (
          <Tooltip title={completed ? undefined : p('notCompleted')}>
            {/* Issuing numbers certificates and notifies their holders: confirmed first (#16). */}
            <Popconfirm
              title={p('issueTitle')}
              description={<div style={{ maxWidth: 320 }}>{p('issueConsequence')}</div>}
              okText={p('issue')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'issue-certificates-ok' } as Record<string, string>}
              onConfirm={() => void onIssue()}
              disabled={!completed}
            >
              <Button type="primary" loading={issue.isPending} disabled={!completed} data-testid="issue-certificates">
                {p('issue')}
              </Button>
            </Popconfirm>
          </Tooltip>
        ) : null
      }
      data-testid="course-certificates"
    >
      {notQualified.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setNotQualified([])}
          style={{ marginBottom: 12 }}
          data-testid="not-qualified"
          title={t('trainingCertificates.panel.notQualifiedTitle', { count: notQualified.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {notQualified.map((n) => (
                <li key={n.enrolmentId}>
                  <strong>{n.name}</strong> ({t('trainingCertificates.panel.notQualifiedAttendance', { percent: n.attendancePercent })}):{' '}
                  {n.reasons.map((r) => r.message).join(' ')}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<CertificateView>
          size="small"
          rowKey="id"
          dataSource={list.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState description={p('empty')} /> }}
          columns={[
            { title: p('number'), dataIndex: 'number', key: 'number' },
            { title: p('holder'), dataIndex: 'holderName', key: 'holder' },
            { title: p('completedOn'), dataIndex: 'completedOn', key: 'completedOn', render: (d: string) => formatIsoDate(d) },
            {
              title: p('status'),
              key: 'status',
              render: (_, c) =>
                c.revokedAt ? (
                  <Tooltip title={c.revocationReason}>
                    <ToneTag tone="red">{p('revoked')}</ToneTag>
                  </Tooltip>
                ) : (
                  <ToneTag tone="green">{p('valid')}</ToneTag>
                ),
            },
            {
              title: p('actions'),
              key: 'actions',
              render: (_, c) => (
                <Space wrap size={4}>
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    aria-label={`${p('download')} ${c.number}`}
                    onClick={() => download.mutate(c)}
                  >
                    PDF
                  </Button>
                  <Link to={verifyPathOf(c)} target="_blank" rel="noopener">
                    {p('verify')}
                  </Link>
                  {canManage && !c.revokedAt ? (
                    <Button size="small" onClick={() => setRevoking(c)}>
                      {p('revoke')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={revoking !== null}
        title={revoking ? t('trainingCertificates.panel.revokeTitle', { number: revoking.number }) : ''}
        okText={p('revoke')}
        okButtonProps={{ loading: revoke.isPending }}
        cancelText={p('cancel')}
        onOk={() => void onRevoke()}
        onCancel={() => {
          setRevoking(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={p('revokeReason')} rules={[{ required: true, whitespace: true, message: p('revokeReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
