import '../strings';
import '../../initiatives/strings';
import '../../topics/strings';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { DATE_FORMAT } from '@/config/locale';
import { dayjs, formatDateTime, formatIsoDate, toIsoDate, todayInProvince } from '@/lib/format/date';
import { formatVnd } from '../../initiatives/components/vnd';
import { initiativePaths } from '../../initiatives/paths';
import { topicPaths } from '../../topics/paths';
import { commendationPaths } from '../../commendations/paths';
import { downloadDecision, downloadMinutes, useCouncil, useCouncilStep, type CouncilDetail, type CouncilItemView, type CouncilScoreView } from '../api/councils';
import { CouncilOutcomeTag, CouncilStatusTag } from '../components/council-tags';
import { DownloadButton } from '../components/download-button';
import { ScoreForm } from '../components/score-form';
import { TopicScoreForm } from '../components/topic-score-form';
import { VoteForm } from '../components/vote-form';

/** The members' points per criterion on a research topic and their weighted scores. */
function TopicScoresTable({ scores }: { scores: CouncilScoreView[] }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="memberId"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={scores}
      data-testid="council-scores"
      columns={[
        { title: t('councils.fields.member'), dataIndex: 'memberName', render: (v: string, r) => <>{v}<br /><Typography.Text type="secondary">{t(`councils.role.${r.role}`)}</Typography.Text></> },
        {
          title: t('councils.topic.points'),
          key: 'points',
          render: (_: unknown, r) => (
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {r.findings.map((x) => <li key={x.criterion}>{t(`councils.criterion.${x.criterion}`)}: {x.points}</li>)}
            </ul>
          ),
        },
        { title: t('councils.topic.weighted'), dataIndex: 'weighted', render: (v?: number | null) => (v == null ? '' : v.toFixed(2)) },
        { title: t('councils.fields.comment'), dataIndex: 'comment', render: (v?: string | null) => v ?? t('common.none') },
      ]}
    />
  );
}

/** The members' votes on a commendation proposal (no criteria). */
function VotesTable({ scores }: { scores: CouncilScoreView[] }) {
  const { t } = useTranslation();
  const v = (k: string) => t(`councils.vote.${k}`);
  return (
    <Table
      rowKey="memberId"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={scores}
      data-testid="council-votes"
      columns={[
        { title: t('councils.fields.member'), dataIndex: 'memberName', render: (x: string, r) => <>{x}<br /><Typography.Text type="secondary">{t(`councils.role.${r.role}`)}</Typography.Text></> },
        { title: t('councils.fields.vote'), dataIndex: 'agree', render: (a: boolean) => <Tag color={a ? 'green' : 'red'}>{a ? v('agree') : v('disagree')}</Tag> },
        { title: t('councils.fields.comment'), dataIndex: 'comment', render: (x?: string | null) => x ?? t('common.none') },
      ]}
    />
  );
}

function ScoresTable({ scores, topic = false, votes = false }: { scores: CouncilScoreView[]; topic?: boolean; votes?: boolean }) {
  const { t } = useTranslation();
  const s = (k: string) => t(`councils.score.${k}`);
  if (topic) return <TopicScoresTable scores={scores} />;
  if (votes) return <VotesTable scores={scores} />;
  return (
    <Table
      rowKey="memberId"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={scores}
      data-testid="council-scores"
      columns={[
        { title: t('councils.fields.member'), dataIndex: 'memberName', render: (v: string, r) => <>{v}<br /><Typography.Text type="secondary">{t(`councils.role.${r.role}`)}</Typography.Text></> },
        { title: t('councils.fields.vote'), dataIndex: 'agree', render: (a: boolean) => <Tag color={a ? 'green' : 'red'}>{a ? s('agree') : s('disagree')}</Tag> },
        {
          title: t('initiatives.conditions.title'),
          key: 'findings',
          render: (_: unknown, r) => (
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {r.findings.map((x) => (
                <li key={x.criterion}>
                  {t(`initiatives.conditions.${x.criterion}`)}: {x.met ? s('met') : s('notMet')}
                  {x.note ? ` — ${x.note}` : ''}
                </li>
              ))}
            </ul>
          ),
        },
        { title: t('councils.fields.comment'), dataIndex: 'comment', render: (v?: string | null) => v ?? t('common.none') },
      ]}
    />
  );
}

function ItemCard({ council, item }: { council: CouncilDetail; item: CouncilItemView }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const step = useCouncilStep(council.id);
  const [declaring, setDeclaring] = useState(false);
  const [reason, setReason] = useState('');
  const f = (k: string) => t(`councils.fields.${k}`);
  const s = (k: string) => t(`councils.score.${k}`);
  const i = item.initiative;
  const topic = item.topic;
  const isCommendation = item.kind === 'Commendation';
  const isTopic = item.kind === 'TopicSelection' || item.kind === 'TopicAcceptance';
  const proposal = item.proposal;
  const link = isCommendation ? commendationPaths.proposal(item.itemId) : isTopic ? topicPaths.detail(item.itemId) : initiativePaths.detail(item.itemId);
  const v = (k: string) => t(`councils.vote.${k}`);
  return (
    <Card
      data-testid={`council-item-${item.itemId}`}
      title={
        <Flex gap={8} wrap align="center">
          <Link to={link} style={{ whiteSpace: 'normal' }}>{item.title}</Link>
          <CouncilOutcomeTag outcome={item.outcome} kind={item.kind} />
        </Flex>
      }
    >
      {topic ? (
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('councils.topic.lead')}>{topic.lead}</Descriptions.Item>
          <Descriptions.Item label={t('councils.topic.members')}>{topic.members || t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={f('unit')}>{topic.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('councils.topic.budget')}>{formatVnd(topic.budgetTotal, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={f('problem')} span={2}>{topic.objectives}</Descriptions.Item>
          {item.kind === 'TopicAcceptance' ? (
            <Descriptions.Item label={t('councils.topic.milestones')}>{topic.milestonesDone}/{topic.milestones}</Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
      {proposal ? (
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered style={{ marginBottom: 12 }} data-testid="council-proposal">
          <Descriptions.Item label={v('nominees')}>{proposal.nominees}</Descriptions.Item>
          <Descriptions.Item label={f('unit')}>{proposal.unitName}</Descriptions.Item>
          <Descriptions.Item label={v('form')}>{proposal.formName} ({proposal.year})</Descriptions.Item>
          <Descriptions.Item label={v('share')}>{proposal.shareName} <Typography.Text type="secondary">({proposal.basis})</Typography.Text></Descriptions.Item>
          <Descriptions.Item label={v('achievements')} span={2}>{proposal.achievements}</Descriptions.Item>
          {proposal.exceptionRequest ? <Descriptions.Item label={v('exception')} span={2}>{proposal.exceptionRequest}</Descriptions.Item> : null}
        </Descriptions>
      ) : null}
      {i ? (
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label={f('authors')}>{i.authors}</Descriptions.Item>
          <Descriptions.Item label={f('benefit')}>{formatVnd(i.yearlyBenefit, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={f('problem')}>{i.problem}</Descriptions.Item>
          <Descriptions.Item label={f('solution')}>{i.solution}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <Flex gap={16} wrap style={{ marginBottom: 12 }} data-testid="council-tally">
        <span>{f('votes')}: <strong>{item.votes}/{item.members}</strong></span>
        <span>{f('quorum')}: <strong>{item.quorum}</strong></span>
        {isTopic ? null : <span>{f('needed')}: <strong>{item.needed}</strong></span>}
        {!isTopic && item.agree != null ? <span>{f('agree')}: <strong>{item.agree}</strong></span> : null}
        {item.averageScore != null ? <span>{t('councils.topic.average')}: <strong data-testid="council-average">{item.averageScore.toFixed(2)}</strong></span> : null}
        {item.rating ? <span>{t('councils.topic.rating')}: <strong>{t(`topics.rating.${item.rating}`)}</strong></span> : null}
      </Flex>
      {item.exclusion ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }}
          message={item.exclusion === 'nominee' ? v('excludedNominee') : item.exclusion === 'author' ? (isTopic ? t('councils.topic.excludedLead') : s('excludedAuthor')) : s('excludedDeclared')} />
      ) : null}
      {item.canScore ? (
        <Flex vertical gap={8}>
          {isCommendation ? <VoteForm councilId={council.id} item={item} /> : isTopic ? <TopicScoreForm council={council} item={item} /> : <ScoreForm councilId={council.id} item={item} />}
          <div>
            <Button onClick={() => setDeclaring(true)} data-testid="declare-conflict">{s('declare')}</Button>
          </div>
        </Flex>
      ) : null}
      {item.myScore && !item.scoresVisible ? <ScoresTable scores={[item.myScore]} topic={isTopic} votes={isCommendation} /> : null}
      {item.scoresVisible && item.scores ? (
        <>
          <Typography.Title level={3} style={{ fontSize: 15 }}>{isCommendation ? v('votes') : s('scores')}</Typography.Title>
          <ScoresTable scores={item.scores} topic={isTopic} votes={isCommendation} />
        </>
      ) : council.myRole == null ? (
        <Typography.Text type="secondary">{s('hidden')}</Typography.Text>
      ) : null}
      {item.conflicts.length > 0 ? (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 12 }}>{s('conflicts')}</Typography.Title>
          <ul>{item.conflicts.map((c) => <li key={c.memberId}>{c.memberName}: {c.reason}</li>)}</ul>
        </>
      ) : null}
      <Modal
        open={declaring}
        title={s('declare')}
        okText={s('declare')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        confirmLoading={step.isPending}
        onCancel={() => setDeclaring(false)}
        onOk={() => step.mutate({ step: 'conflict', itemId: item.itemId, reason: reason.trim() }, { onSuccess: () => { setDeclaring(false); void message.success(t('initiatives.actions.done')); } })}
        destroyOnHidden
      >
        <Typography.Paragraph>{s('declareConfirm')}</Typography.Paragraph>
        <ServerErrorAlert error={step.error} />
        <Input.TextArea aria-label={f('conflictReason')} placeholder={f('conflictReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      </Modal>
    </Card>
  );
}

function CloseCard({ council }: { council: CouncilDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useCouncilStep(council.id);
  const [form] = Form.useForm<{ decisionNumber: string; decisionDate: dayjs.Dayjs }>();
  const c = (k: string) => t(`councils.close.${k}`);
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{c('title')}</Typography.Title>} data-testid="close-council">
      <Typography.Paragraph type="secondary">{c('help')}</Typography.Paragraph>
      <ServerErrorAlert error={step.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decisionDate: todayInProvince() }}
        onFinish={(v) =>
          step.mutate({ step: 'close', decisionNumber: v.decisionNumber.trim(), decisionDate: toIsoDate(v.decisionDate) }, { onSuccess: () => void message.success(t('initiatives.actions.done')) })
        }
      >
        <Flex gap={8} wrap>
          <Form.Item name="decisionNumber" label={t('councils.fields.decisionNumber')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 45 }]} style={{ flex: '1 1 200px' }}>
            <Input placeholder="12/QĐ-CĐCS" data-testid="close-number" />
          </Form.Item>
          <Form.Item name="decisionDate" label={t('councils.fields.decisionDate')} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '1 1 200px' }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Popconfirm title={c('confirm')} onConfirm={() => form.submit()} okButtonProps={{ ...({ 'data-testid': 'close-confirm' } as Record<string, string>) }}>
          <Button type="primary" danger loading={step.isPending} data-testid="close-submit">{c('submit')}</Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}

/** An evaluation council: its seats, each item with the member's blind scoring, the secretary's closing and the result. */
export function CouncilDetailRoute() {
  const { t } = useTranslation();
  const { councilId = '' } = useParams();
  const query = useCouncil(councilId);
  const council = query.data;

  useEffect(() => {
    if (council) document.title = `${council.name} · ${t('app.name')}`;
  }, [council, t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError || !council) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const f = (k: string) => t(`councils.fields.${k}`);
  const closed = council.status === 'Closed';

  return (
    <Flex vertical gap={16} data-testid="council-detail">
      <Card>
        <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, flex: '1 1 280px' }}>{council.name}</Typography.Title>
          {closed ? (
            <DownloadButton download={() => downloadDecision(council.id)} testId="download-decision">
              {council.itemKind === 'Commendation' ? t('councils.minutes') : t('councils.decision')}
            </DownloadButton>
          ) : null}
          {closed && council.itemKind !== 'Commendation' ? (
            <DownloadButton download={() => downloadMinutes(council.id)} testId="download-minutes">
              {t('councils.minutesXlsx')}
            </DownloadButton>
          ) : null}
        </Flex>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('initiatives.fields.status')}><CouncilStatusTag status={council.status} /></Descriptions.Item>
          <Descriptions.Item label={f('unit')}>{council.unitName}</Descriptions.Item>
          <Descriptions.Item label={f('formedBy')}>{council.formedBy}</Descriptions.Item>
          <Descriptions.Item label={f('formedAt')}>{formatDateTime(council.formedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('councils.fields.kind')}>{t(`councils.kind.${council.itemKind}`)}</Descriptions.Item>
          {council.topicJudging ? (
            <>
              <Descriptions.Item label={t('councils.topic.criteria')}>
                {council.topicJudging.criteria.map((c) => `${c.name} ×${c.weight}`).join('; ')}
              </Descriptions.Item>
              <Descriptions.Item label={council.itemKind === 'TopicSelection' ? t('councils.topic.passMarkSelection') : t('councils.topic.passMark')}>
                {council.topicJudging.passMark}
                {council.itemKind === 'TopicAcceptance' ? (
                  <><br /><Typography.Text type="secondary">{t('councils.topic.bands', { excellent: council.topicJudging.excellentFrom, good: council.topicJudging.goodFrom, pass: council.topicJudging.passFrom })}</Typography.Text></>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('councils.topic.ruleSet')}>
                {council.topicJudging.ruleSetCode} <Typography.Text type="secondary">({council.topicJudging.legalBasis})</Typography.Text>
              </Descriptions.Item>
            </>
          ) : (
            <Descriptions.Item label={f('agreementNeeded')}>
              {council.agreementNeeded}/{council.members.length} <Typography.Text type="secondary">({council.decisionBasis})</Typography.Text>
            </Descriptions.Item>
          )}
          {council.unitHeadName ? <Descriptions.Item label={f('unitHead')}>{council.unitHeadName}</Descriptions.Item> : null}
          {closed ? (
            <>
              <Descriptions.Item label={f('decisionNumber')}>{council.decisionNumber}</Descriptions.Item>
              <Descriptions.Item label={f('decisionDate')}>{formatIsoDate(council.decisionDate)}</Descriptions.Item>
            </>
          ) : null}
        </Descriptions>
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>{f('members')}</Typography.Title>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={council.members}
          data-testid="council-members"
          columns={[
            { title: f('member'), dataIndex: 'fullName', render: (v: string, m) => <>{v} {m.isMe ? <Tag color="blue">{t('councils.you')}</Tag> : null}</> },
            { title: f('role'), dataIndex: 'role', render: (r: string) => t(`councils.role.${r}`) },
            { title: f('position'), dataIndex: 'position', responsive: ['md'] },
            { title: f('email'), dataIndex: 'email', responsive: ['lg'] },
          ]}
        />
      </Card>
      {council.items.map((item) => <ItemCard key={item.itemId} council={council} item={item} />)}
      {council.canClose ? <CloseCard council={council} /> : null}
    </Flex>
  );
}

export { CouncilDetailRoute as Component };
