import '../strings';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useDocumentTitle } from '@/components/page/form-page';
import { ErrorState, LoadingState } from '@/components/states';
import { isApiError } from '@/lib/api/problem';
import { formatDateTime, formatIsoDate } from '@/lib/format/date';
import { downloadCommendationDecision, useProposal, useProposalStep, type ProposalDetail } from '../api/commendations';
import { CouncilVoteCard } from '../components/council-vote';
import { RuleTable } from '../components/eligibility-panel';
import { ProposalStatusTag } from '../components/proposal-tags';

type Nominee = ProposalDetail['nominees'][number];
type DecisionValues = { decisionNumber: string; decisionDate: Dayjs; issuer: string; overrideReason?: string };

/**
 * The unit above decides: the decision's number, date and issuer, or a reason to refuse (If-Match: one decider wins).
 * A proposal that went up with failed rules is approved only with the decider's reason for the exception (#13).
 */
function DecisionForm({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation();
  const failedRules = p.nominees.some((n) => n.checks.some((c) => !c.passed));
  const { message } = App.useApp();
  const step = useProposalStep(p);
  const [form] = Form.useForm<DecisionValues>();
  const [refusal] = Form.useForm<{ reason: string }>();
  const f = (k: string) => t(`commendations.fields.${k}`);
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Card title={t('commendations.decision')} style={{ marginTop: 16 }}>
      <ServerErrorAlert error={step.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ issuer: 'Chủ tịch Liên đoàn Lao động tỉnh Hưng Yên' }}
        onFinish={(v) =>
          step.mutate(
            {
              kind: 'approve',
              decisionNumber: v.decisionNumber.trim(),
              decisionDate: v.decisionDate.format('YYYY-MM-DD'),
              issuer: v.issuer.trim(),
              overrideReason: failedRules ? v.overrideReason?.trim() : undefined,
            },
            { onSuccess: () => void message.success(t('commendations.approved')) },
          )
        }
      >
        <Flex gap={16} wrap>
          <Form.Item name="decisionNumber" label={f('decisionNumber')} rules={required}>
            <Input maxLength={50} data-testid="decision-number" />
          </Form.Item>
          <Form.Item name="decisionDate" label={f('decisionDate')} rules={required}>
            <DatePicker format="DD/MM/YYYY" data-testid="decision-date" />
          </Form.Item>
          <Form.Item name="issuer" label={f('issuer')} rules={required} style={{ flex: '1 1 280px' }}>
            <Input maxLength={300} />
          </Form.Item>
        </Flex>
        {failedRules && (
          <>
            <Alert type="warning" showIcon title={t('commendations.exception.failedRules')} style={{ marginBottom: 12 }} />
            <Form.Item
              name="overrideReason"
              label={t('commendations.exception.overrideReason')}
              rules={[
                { required: true, whitespace: true, message: t('form.required', { field: t('commendations.exception.overrideReason').toLowerCase() }) },
              ]}
            >
              <Input.TextArea rows={2} maxLength={2000} data-testid="override-reason" />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="approve-proposal">
          {t('commendations.approve')}
        </Button>
      </Form>
      <Form
        form={refusal}
        layout="vertical"
        style={{ marginTop: 16 }}
        onFinish={(v) => step.mutate({ kind: 'refuse', reason: v.reason.trim() }, { onSuccess: () => void message.success(t('commendations.refused')) })}
      >
        <Form.Item name="reason" label={f('reason')} rules={required}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="refusal-reason" />
        </Form.Item>
        <Button danger htmlType="submit" loading={step.isPending} data-testid="refuse-proposal">
          {t('commendations.refuse')}
        </Button>
      </Form>
    </Card>
  );
}

export function ProposalDetailRoute() {
  const { proposalId = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useProposal(proposalId);
  const p = query.data;
  const step = useProposalStep({ id: proposalId, version: p?.version ?? 0 });
  const [downloading, setDownloading] = useState(false);
  const [exceptionRequest, setExceptionRequest] = useState('');
  const blocked = isApiError(step.error) && step.error.code === 'commendation_ineligible';
  const f = (k: string) => t(`commendations.fields.${k}`);
  useDocumentTitle(p ? `${p.formName} ${p.year}` : t('commendations.proposal'));
  if (query.isLoading) return <LoadingState />;
  if (query.error || !p) return <ErrorState error={query.error} />;
  const money = new Intl.NumberFormat('vi-VN');
  return (
    <>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0, flex: '1 1 280px' }}>
          {p.formName} — {p.year}
        </Typography.Title>
        {p.status === 'Approved' && (
          <Button
            icon={<DownloadOutlined />}
            loading={downloading}
            data-testid="download-decision"
            onClick={() => {
              setDownloading(true);
              void downloadCommendationDecision(p.id)
                .catch(() => void message.error(t('commendations.downloadFailed')))
                .finally(() => setDownloading(false));
            }}
          >
            {t('commendations.downloadDecision')}
          </Button>
        )}
      </Flex>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={f('status')}>
          <ProposalStatusTag status={p.status} />
        </Descriptions.Item>
        <Descriptions.Item label={f('unit')}>{p.unitName}</Descriptions.Item>
        <Descriptions.Item label={f('proposedBy')}>
          {p.proposedBy} {p.submittedAt ? `· ${formatDateTime(p.submittedAt)}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={f('prizeBasis')}>{p.prizeBasis}</Descriptions.Item>
        {p.decisionNumber && (
          <Descriptions.Item label={f('decisionNumber')}>
            {p.decisionNumber} · {formatIsoDate(p.decisionDate ?? '')} · {p.issuer}
          </Descriptions.Item>
        )}
        {p.status === 'Approved' && <Descriptions.Item label={f('prizeTotal')}>{money.format(p.prizeTotal)}</Descriptions.Item>}
        {p.refusalReason && <Descriptions.Item label={f('reason')}>{p.refusalReason}</Descriptions.Item>}
        {p.exceptionRequest && <Descriptions.Item label={t('commendations.exception.requested')}>{p.exceptionRequest}</Descriptions.Item>}
        {p.overrideReason && (
          <Descriptions.Item label={t('commendations.exception.overridden')}>
            {p.overrideReason} {p.overriddenBy ? `· ${p.overriddenBy}` : ''}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={f('achievements')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{p.achievements}</span>
        </Descriptions.Item>
      </Descriptions>

      <Table<Nominee>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={p.nominees}
        data-testid="nominees"
        columns={[
          { title: '#', dataIndex: 'order', width: 48 },
          { title: f('nominee'), dataIndex: 'name' },
          { title: f('initiative'), dataIndex: 'initiativeTitle', responsive: ['md'] },
          { title: f('prize'), dataIndex: 'prize', align: 'end', render: (v: number | null) => (v == null ? '' : money.format(v)) },
        ]}
        expandable={{
          rowExpandable: (n) => n.checks.length > 0,
          expandedRowRender: (n) => <RuleTable rules={n.checks} testId={`checks-${n.order}`} />,
        }}
      />

      {p.canEdit && (
        <Flex gap={8} style={{ marginTop: 16 }} vertical>
          <ServerErrorAlert error={step.error} />
          <Button
            type="primary"
            loading={step.isPending}
            style={{ alignSelf: 'start' }}
            data-testid="submit-proposal"
            onClick={() => step.mutate({ kind: 'submit' }, { onSuccess: () => void message.success(t('commendations.submitted')) })}
          >
            {t('commendations.submit')}
          </Button>
          {blocked && (
            <Card size="small" data-testid="exception-request">
              <Typography.Paragraph>{t('commendations.exception.blocked')}</Typography.Paragraph>
              <label htmlFor="exception-request-text">{t('commendations.exception.request')}</label>
              <Input.TextArea
                id="exception-request-text"
                rows={2}
                maxLength={2000}
                value={exceptionRequest}
                onChange={(e) => setExceptionRequest(e.target.value)}
                style={{ marginTop: 4, marginBottom: 8 }}
              />
              <Button
                loading={step.isPending}
                disabled={!exceptionRequest.trim()}
                onClick={() =>
                  step.mutate(
                    { kind: 'submit', exceptionRequest: exceptionRequest.trim() },
                    { onSuccess: () => void message.success(t('commendations.submitted')) },
                  )
                }
              >
                {t('commendations.exception.submit')}
              </Button>
            </Card>
          )}
        </Flex>
      )}
      <CouncilVoteCard p={p} />
      {p.canDecide && <DecisionForm p={p} />}
    </>
  );
}

export { ProposalDetailRoute as Component };
