import '../strings';
import '../../councils/strings';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Table, Timeline, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { ErrorState, LoadingState } from '@/components/states';
import { ToneTag } from '@/components/tone-tag';
import { formatDateTime, formatIsoDate } from '@/lib/format/date';
import { CouncilOutcomeTag, CouncilStatusTag } from '../../councils/components/council-tags';
import { councilPaths } from '../../councils/paths';
import { formatVnd } from '../../initiatives/components/vnd';
import { useTopic, useTopicStep, type TopicDetail } from '../api/topics';
import { LateTag, RatingTag, TopicStatusTag } from '../components/topic-tags';
import { StepDialog, type Dialog } from '../components/topic-step-dialog';
import { TopicAttachments } from '../components/topic-attachments';
import { topicPaths } from '../paths';

/** A research topic: the proposal, budget by source against the ceiling, contract and milestones (late ones flagged), extensions, councils, every step. */
export function TopicDetailRoute() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { topicId = '' } = useParams();
  const query = useTopic(topicId);
  const topic = query.data;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const step = useTopicStep(topic ?? { id: topicId, version: 0 });
  const { message } = App.useApp();

  useEffect(() => {
    if (topic) document.title = `${topic.title} · ${t('app.name')}`;
  }, [topic, t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError || !topic) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const f = (k: string) => t(`topics.fields.${k}`);
  const a = (k: string) => t(`topics.actions.${k}`);
  const vnd = (n: number) => formatVnd(n, i18n.language);
  const can = (s: TopicDetail['status']) => topic.allowedMoves.includes(s);
  const carrying = topic.status === 'Contracted' || topic.status === 'InProgress';
  const pending = topic.extensions.find((e) => e.status === 'Requested');

  return (
    <Flex vertical gap={16} data-testid="topic-detail">
      <Card>
        <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
          <div style={{ flex: '1 1 280px', minWidth: 0 }}>
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{topic.title}</Typography.Title>
            <Flex gap={4} wrap style={{ marginTop: 8 }}>
              <TopicStatusTag status={topic.status} />
              {topic.rating ? <RatingTag rating={topic.rating} /> : null}
              {topic.late ? <LateTag /> : null}
            </Flex>
          </div>
          <Flex gap={8} wrap data-testid="topic-actions">
            {topic.canPropose && topic.status === 'Draft' ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(topicPaths.edit(topic.id))} data-testid="edit-topic">{t('common.edit')}</Button>
            ) : null}
            {topic.canPropose && can('Submitted') ? (
              <Popconfirm
                title={a('submitConfirm')}
                onConfirm={() => step.mutate({ step: 'submit' }, { onSuccess: () => void message.success(a('done')) })}
                okButtonProps={{ ...({ 'data-testid': 'submit-confirm' } as Record<string, string>) }}
              >
                <Button type="primary" loading={step.isPending} data-testid="submit-topic">{a('submit')}</Button>
              </Popconfirm>
            ) : null}
            {topic.canPropose && can('Withdrawn') ? <Button danger onClick={() => setDialog({ kind: 'withdraw' })} data-testid="withdraw-topic">{a('withdraw')}</Button> : null}
            {topic.canManage && topic.status === 'Submitted' ? (
              <Button onClick={() => navigate(councilPaths.create(topic.id, 'TopicSelection'))} data-testid="selection-council">{a('selectionCouncil')}</Button>
            ) : null}
            {topic.canManage && can('Contracted') ? <Button type="primary" onClick={() => setDialog({ kind: 'contract' })} data-testid="contract-topic">{a('contract')}</Button> : null}
            {topic.canManage && topic.status === 'InProgress' ? (
              <Button onClick={() => navigate(councilPaths.create(topic.id, 'TopicAcceptance'))} data-testid="acceptance-council">{a('acceptanceCouncil')}</Button>
            ) : null}
            {topic.canPropose && can('Applied') ? <Button type="primary" onClick={() => setDialog({ kind: 'application' })} data-testid="record-application">{a('application')}</Button> : null}
            {topic.canManage && can('Closed') ? <Button onClick={() => setDialog({ kind: 'close' })} data-testid="close-topic">{a('close')}</Button> : null}
            {topic.canManage && can('Cancelled') ? <Button danger onClick={() => setDialog({ kind: 'cancel' })} data-testid="cancel-topic">{a('cancel')}</Button> : null}
          </Flex>
        </Flex>
        <ServerErrorAlert error={step.error} codeMessages={{ topic_state: t('topics.rules.state'), call_closed: t('topics.rules.callClosed'), budget_over_ceiling: t('topics.rules.budgetOver') }} />
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={f('call')}>{topic.callTitle}</Descriptions.Item>
          <Descriptions.Item label={f('unit')}>{topic.unitName}</Descriptions.Item>
          <Descriptions.Item label={f('lead')}>{topic.lead.fullName}</Descriptions.Item>
          <Descriptions.Item label={f('members')}>{topic.members.map((m) => m.fullName).join(', ') || t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={f('field')}>{topic.field}</Descriptions.Item>
          <Descriptions.Item label={f('durationMonths')}>{topic.durationMonths}</Descriptions.Item>
          <Descriptions.Item label={f('objectives')} span={2}>{topic.objectives}</Descriptions.Item>
          <Descriptions.Item label={f('expectedProducts')} span={2}>{topic.expectedProducts}</Descriptions.Item>
          {topic.selectionScore != null ? <Descriptions.Item label={f('selectionScore')}>{topic.selectionScore}</Descriptions.Item> : null}
          {topic.acceptanceScore != null ? <Descriptions.Item label={f('acceptanceScore')}>{topic.acceptanceScore}</Descriptions.Item> : null}
          {topic.decisionNumber ? <Descriptions.Item label={f('decision')}>{topic.decisionNumber} ({formatIsoDate(topic.decisionDate)})</Descriptions.Item> : null}
          {topic.contractNumber ? (
            <Descriptions.Item label={f('contract')}>
              {topic.contractNumber} · {formatIsoDate(topic.startDate)} – {formatIsoDate(topic.endDate)}
            </Descriptions.Item>
          ) : null}
          {topic.appliedAt ? <Descriptions.Item label={f('appliedAt')}>{topic.appliedAt} ({formatIsoDate(topic.appliedSince)}){topic.applicationResults ? ` — ${topic.applicationResults}` : ''}</Descriptions.Item> : null}
          {topic.withdrawalReason ? <Descriptions.Item label={f('withdrawalReason')}>{topic.withdrawalReason}</Descriptions.Item> : null}
          {topic.cancellationReason ? <Descriptions.Item label={f('cancellationReason')}>{topic.cancellationReason}</Descriptions.Item> : null}
          {topic.closingNote ? <Descriptions.Item label={f('closingNote')}>{topic.closingNote}</Descriptions.Item> : null}
        </Descriptions>
      </Card>

      <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{f('budget')}</Typography.Title>} data-testid="topic-budget">
        <Table
          rowKey={(_, n) => String(n)}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={topic.budgetLines}
          columns={[
            { title: f('source'), dataIndex: 'source', render: (s: string) => t(`topics.source.${s}`) },
            { title: f('item'), dataIndex: 'item' },
            { title: f('amount'), dataIndex: 'amount', align: 'end', render: (v: number) => vnd(v) },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          {topic.sourceTotals.map((s) => `${t(`topics.source.${s.source}`)}: ${vnd(s.amount)}`).join(' · ')}
          <br />
          <strong>{f('total')}: {vnd(topic.budgetTotal)}</strong> / {f('ceiling')}: {vnd(topic.budgetCeiling)}
        </Typography.Paragraph>
      </Card>

      {topic.milestones.length > 0 ? (
        <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{f('milestones')}</Typography.Title>} data-testid="topic-milestones">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={topic.milestones}
            rowClassName={(m) => (m.late ? 'row-late' : '')}
            columns={[
              { title: f('milestone'), dataIndex: 'title', render: (v: string, m) => <>{v} {m.late ? <LateTag /> : null}{m.deliverable ? <><br /><Typography.Text type="secondary">{m.deliverable}</Typography.Text></> : null}</> },
              {
                title: f('dueDate'),
                dataIndex: 'dueDate',
                render: (d: string, m) => <>{formatIsoDate(d)}{m.originalDueDate !== d ? <><br /><Typography.Text type="secondary">{f('originalDueDate')}: {formatIsoDate(m.originalDueDate)}</Typography.Text></> : null}</>,
              },
              { title: f('completedOn'), dataIndex: 'completedOn', render: (d: string | null, m) => (d ? <>{formatIsoDate(d)}<br /><Typography.Text type="secondary">{m.report}</Typography.Text></> : '') },
              {
                key: 'actions',
                render: (_: unknown, m) =>
                  topic.canPropose && carrying && !m.completedOn ? (
                    <Flex gap={4} wrap>
                      <Button size="small" onClick={() => setDialog({ kind: 'report', milestoneId: m.id, title: m.title })} data-testid={`report-${m.id}`}>{a('report')}</Button>
                      {!pending && topic.extensionsLeft > 0 ? (
                        <Button size="small" onClick={() => setDialog({ kind: 'extension', milestoneId: m.id, title: m.title, dueDate: m.dueDate })} data-testid={`extend-${m.id}`}>{a('extension')}</Button>
                      ) : null}
                    </Flex>
                  ) : null,
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{f('extensionsLeft')}: {topic.extensionsLeft}</Typography.Paragraph>
        </Card>
      ) : null}

      {topic.extensions.length > 0 ? (
        <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{f('extensions')}</Typography.Title>} data-testid="topic-extensions">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={topic.extensions}
            columns={[
              { title: f('milestone'), dataIndex: 'milestone' },
              { title: f('newDueDate'), dataIndex: 'newDueDate', render: (d: string, e) => `${formatIsoDate(e.previousDueDate)} → ${formatIsoDate(d)}` },
              { title: f('reason'), dataIndex: 'reason' },
              { title: f('status'), dataIndex: 'status', render: (s: string, e) => <>{t(`topics.extensionStatus.${s}`)}{e.decisionNote ? ` — ${e.decisionNote}` : ''}</> },
              {
                key: 'decide',
                render: (_: unknown, e) =>
                  topic.canManage && e.status === 'Requested' ? (
                    <Flex gap={4} wrap>
                      <Button size="small" type="primary" onClick={() => setDialog({ kind: 'decide', extensionId: e.id, grant: true })} data-testid="grant-extension">{a('grant')}</Button>
                      <Button size="small" danger onClick={() => setDialog({ kind: 'decide', extensionId: e.id, grant: false })}>{a('refuse')}</Button>
                    </Flex>
                  ) : null,
              },
            ]}
          />
        </Card>
      ) : null}

      {topic.councils.length > 0 ? (
        <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{f('councils')}</Typography.Title>}>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {topic.councils.map((c) => (
              <li key={c.id}>
                <Link to={councilPaths.detail(c.id)}>{c.name}</Link> <CouncilStatusTag status={c.status} /> <CouncilOutcomeTag outcome={c.outcome} kind={c.kind} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <TopicAttachments topic={topic} />

      <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{f('steps')}</Typography.Title>} data-testid="topic-steps">
        <Timeline
          items={topic.steps.map((s) => ({
            children: (
              <>
                <ToneTag tone="neutral">{t(`topics.status.${s.to}`)}</ToneTag> {formatDateTime(s.at)} · {s.by}
                {s.note ? <><br /><Typography.Text type="secondary">{s.note}</Typography.Text></> : null}
              </>
            ),
          }))}
        />
      </Card>
      <StepDialog key={JSON.stringify(dialog)} topic={topic} dialog={dialog} onClose={() => setDialog(null)} />
    </Flex>
  );
}

export { TopicDetailRoute as Component };
