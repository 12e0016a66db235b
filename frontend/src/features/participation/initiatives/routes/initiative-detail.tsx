import '../strings';
import { App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Modal, Popconfirm, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { DATE_FORMAT } from '@/config/locale';
import { dayjs, formatDateTime, formatIsoDate, toIsoDate, todayInProvince } from '@/lib/format/date';
import { useInitiative, useInitiativeStep, type InitiativeDetail } from '../api/initiatives';
import { ConditionsChecklist } from '../components/conditions-checklist';
import { EvidenceCard } from '../components/evidence-card';
import { RemunerationTable } from '../components/remuneration-table';
import { SimilarApplications } from '../components/similar-applications';
import { InitiativeStatusTag } from '../components/status-tag';
import { formatVnd } from '../components/vnd';
import { initiativePaths } from '../paths';
import '../../councils/strings';
import { councilPaths } from '../../councils/paths';
import { CouncilOutcomeTag, CouncilStatusTag } from '../../councils/components/council-tags';

type Decision = 'recognise' | 'refuse' | 'withdraw';
type DecisionFields = { certificateNumber?: string; decisionDate?: dayjs.Dayjs; reasons?: string; reason?: string };

/** The lifecycle buttons the caller may use now; irreversible steps ask for confirmation first. */
function Actions({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const step = useInitiativeStep(initiative);
  const [open, setOpen] = useState<Decision | null>(null);
  const [form] = Form.useForm<DecisionFields>();
  const a = (k: string) => t(`initiatives.actions.${k}`);
  const f = (k: string) => t(`initiatives.fields.${k}`);
  const can = (s: InitiativeDetail['status']) => initiative.allowedMoves.includes(s);
  const done = { onSuccess: () => { setOpen(null); void message.success(a('done')); } };
  const codeMessages = {
    initiative_state: t('initiatives.rules.state'),
    recognition_conditions_unmet: t('initiatives.rules.conditionsUnmet'),
    certificate_number_taken: t('initiatives.rules.certificateTaken'),
    novelty_not_declared: t('initiatives.rules.noveltyNotDeclared'),
  };

  const run = (v: DecisionFields) => {
    if (open === 'recognise')
      step.mutate({ step: 'recognise', certificateNumber: v.certificateNumber!.trim(), decisionDate: toIsoDate(v.decisionDate!) }, done);
    else if (open === 'refuse') step.mutate({ step: 'refuse', reasons: v.reasons!.trim(), decisionDate: toIsoDate(v.decisionDate!) }, done);
    else if (open === 'withdraw') step.mutate({ step: 'withdraw', reason: v.reason?.trim() || null }, done);
  };

  return (
    <>
      <Flex gap={8} wrap>
        {initiative.canEdit ? (
          <Button icon={<EditOutlined />} onClick={() => navigate(initiativePaths.edit(initiative.id))} data-testid="edit-initiative">
            {t('common.edit')}
          </Button>
        ) : null}
        {initiative.canFile && can('Submitted') ? (
          <Popconfirm title={a('submitConfirm')} onConfirm={() => step.mutate({ step: 'submit' }, done)} okButtonProps={{ ...({ 'data-testid': 'submit-confirm' } as Record<string, string>) }}>
            <Button type="primary" loading={step.isPending} data-testid="submit-initiative">
              {a('submit')}
            </Button>
          </Popconfirm>
        ) : null}
        {initiative.canDecide && initiative.status === 'Submitted' ? (
          <Button onClick={() => navigate(councilPaths.create(initiative.id))} data-testid="form-council">
            {t('councils.new')}
          </Button>
        ) : null}
        {initiative.canDecide && can('Recognised') ? (
          <Button type="primary" onClick={() => setOpen('recognise')} data-testid="recognise-initiative">
            {a('recognise')}
          </Button>
        ) : null}
        {initiative.canDecide && can('NotRecognised') ? (
          <Button danger onClick={() => setOpen('refuse')} data-testid="refuse-initiative">
            {a('refuse')}
          </Button>
        ) : null}
        {initiative.canFile && can('Withdrawn') ? (
          <Button danger onClick={() => setOpen('withdraw')} data-testid="withdraw-initiative">
            {a('withdraw')}
          </Button>
        ) : null}
      </Flex>
      {!open ? <ServerErrorAlert error={step.error} codeMessages={codeMessages} /> : null}
      <Modal
        open={open !== null}
        title={open ? a(open) : ''}
        okText={open ? a(open) : ''}
        okButtonProps={{ danger: open !== 'recognise', ...({ 'data-testid': 'decision-confirm' } as Record<string, string>) }}
        confirmLoading={step.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>{open ? a(`${open}Confirm`) : ''}</Typography.Paragraph>
        <ServerErrorAlert error={step.error} codeMessages={codeMessages} />
        <Form form={form} layout="vertical" onFinish={run} initialValues={{ decisionDate: todayInProvince() }}>
          {open === 'recognise' ? (
            <Form.Item name="certificateNumber" label={f('certificateNumber')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 50 }]}>
              <Input />
            </Form.Item>
          ) : null}
          {open === 'refuse' ? (
            <Form.Item name="reasons" label={f('refusalReasons')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 4000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          ) : null}
          {open === 'recognise' || open === 'refuse' ? (
            <Form.Item name="decisionDate" label={f('decisionDate')} rules={[{ required: true, message: t('form.required') }]}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          {open === 'withdraw' ? (
            <Form.Item name="reason" label={f('reason')} rules={[{ max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}

/** An initiative: the application, its authors, the recognition conditions, the decision and the remuneration table. */
export function InitiativeDetailRoute() {
  const { t, i18n } = useTranslation();
  const { initiativeId = '' } = useParams();
  const query = useInitiative(initiativeId);
  const initiative = query.data?.initiative;

  useEffect(() => {
    if (initiative) document.title = `${initiative.title} · ${t('app.name')}`;
  }, [initiative, t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError || !initiative) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const none = t('common.none');
  const f = (k: string) => t(`initiatives.fields.${k}`);
  const i = initiative;
  const decided = i.status === 'Recognised' || i.status === 'NotRecognised';

  return (
    <Flex vertical gap={16} data-testid="initiative-detail">
      <Card>
        <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, flex: '1 1 280px' }}>
            {i.title}
          </Typography.Title>
          <Actions initiative={i} />
        </Flex>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={f('status')}>
            <InitiativeStatusTag status={i.status} />
          </Descriptions.Item>
          <Descriptions.Item label={f('unit')}>{i.unitName}</Descriptions.Item>
          <Descriptions.Item label={f('field')}>{i.field}</Descriptions.Item>
          <Descriptions.Item label={f('kind')}>{t(`initiatives.kind.${i.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={f('appliedAt')}>
            {i.appliedAt}
            {i.trialApplication ? ` (${f('trialApplication').toLowerCase()})` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={f('appliedSince')}>{formatIsoDate(i.appliedSince)}</Descriptions.Item>
          <Descriptions.Item label={f('yearlyBenefit')}>{formatVnd(i.yearlyBenefit, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={f('socialBenefit')}>{i.socialBenefit ?? none}</Descriptions.Item>
          <Descriptions.Item label={f('filedBy')}>{i.filedBy}</Descriptions.Item>
          <Descriptions.Item label={f('submittedAt')}>{i.submittedAt ? formatDateTime(i.submittedAt) : none}</Descriptions.Item>
          {decided ? (
            <>
              <Descriptions.Item label={f('decisionDate')}>{formatIsoDate(i.decisionDate)}</Descriptions.Item>
              <Descriptions.Item label={f('decidedBy')}>{i.decidedBy ?? none}</Descriptions.Item>
            </>
          ) : null}
          {i.certificateNumber ? <Descriptions.Item label={f('certificateNumber')}>{i.certificateNumber}</Descriptions.Item> : null}
          {i.refusalReasons ? <Descriptions.Item label={f('refusalReasons')}>{i.refusalReasons}</Descriptions.Item> : null}
          {i.withdrawalReason ? <Descriptions.Item label={f('withdrawalReason')}>{i.withdrawalReason}</Descriptions.Item> : null}
          {i.council ? (
            <Descriptions.Item label={t('councils.councilOfInitiative')}>
              <Flex gap={8} wrap align="center" data-testid="initiative-council">
                <Link to={councilPaths.detail(i.council.id)}>{i.council.name}</Link>
                <CouncilStatusTag status={i.council.status} />
                {i.council.outcome !== 'Pending' ? <CouncilOutcomeTag outcome={i.council.outcome} /> : null}
              </Flex>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <SimilarApplications initiative={i} />
      <Card>
        <Descriptions column={1} size="small" layout="vertical">
          <Descriptions.Item label={f('problem')}>{i.problem}</Descriptions.Item>
          <Descriptions.Item label={f('currentState')}>{i.currentState}</Descriptions.Item>
          <Descriptions.Item label={f('solution')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{i.solution}</span>
          </Descriptions.Item>
          <Descriptions.Item label={f('firstApplicationParticipants')}>{i.firstApplicationParticipants ?? none}</Descriptions.Item>
        </Descriptions>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {f('authors')}
        </Typography.Title>
        <Table
          rowKey={(a) => `${a.fullName}-${a.sharePercent}`}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={i.authors}
          columns={[
            { title: f('authorName'), dataIndex: 'fullName' },
            { title: f('authorPosition'), dataIndex: 'position', render: (v?: string | null) => v ?? none },
            { title: f('share'), dataIndex: 'sharePercent', align: 'end' },
          ]}
        />
      </Card>
      <EvidenceCard initiative={i} />
      {i.status !== 'Draft' && i.status !== 'Withdrawn' ? <ConditionsChecklist key={i.version} initiative={i} /> : null}
      <RemunerationTable remuneration={i.remuneration} />
    </Flex>
  );
}

export { InitiativeDetailRoute as Component };
