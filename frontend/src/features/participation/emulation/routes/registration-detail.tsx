import '../strings';
import { App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useDocumentTitle } from '@/components/page/form-page';
import { ErrorState, LoadingState } from '@/components/states';
import { formatDateTime, formatIsoDate } from '@/lib/format/date';
import { useRegistration, useScoreRegistration, type EvidenceInput, type RegistrationCriterionView, type RegistrationDetail } from '../api/emulation';
import { InitiativeEvidencePicker } from '../components/evidence-picker';
import { LateTag, RegistrationStatusTag } from '../components/registration-tags';

type Link = { label: string; url: string };
type SelfValues = { scores: { points: number; note?: string; initiatives?: string[]; links?: Link[] }[] };
type ReviewValues = { adjustments: { points: number; comment?: string }[] };

function Evidence({ c }: { c: RegistrationCriterionView }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {c.evidence.map((e, n) => (
        <li key={n}>{e.url ? <a href={e.url} target="_blank" rel="noreferrer noopener">{e.label}</a> : e.label}</li>
      ))}
    </ul>
  );
}

/** The unit's own scores per criterion with evidence: recognised initiatives picked from its subtree, links, statements. */
function SelfScoreForm({ r }: { r: RegistrationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<SelfValues>();
  const save = useScoreRegistration(r);
  const f = (k: string) => t(`emulation.fields.${k}`);
  const initialValues: SelfValues = {
    scores: r.criteria.map((c) => ({
      points: Number(c.selfPoints ?? 0), note: c.selfNote ?? undefined,
      initiatives: c.evidence.filter((e) => e.kind === 'Initiative' && e.recordId).map((e) => e.recordId!),
      links: c.evidence.filter((e) => e.kind !== 'Initiative').map((e) => ({ label: e.label, url: e.url ?? '' })),
    })),
  };
  const onFinish = (v: SelfValues) =>
    save.mutate(
      {
        kind: 'self',
        data: {
          scores: r.criteria.map((c, n) => {
            const s = v.scores[n] ?? { points: 0 };
            const evidence: EvidenceInput[] = [
              ...(s.initiatives ?? []).map((id) => ({ kind: 'Initiative' as const, recordId: id })),
              ...(s.links ?? []).filter((l) => l.label?.trim()).map((l) => (l.url?.trim()
                ? { kind: 'Link' as const, label: l.label.trim(), url: l.url.trim() }
                : { kind: 'Text' as const, label: l.label.trim() })),
            ];
            return { criterionId: c.criterionId, points: s.points, note: s.note?.trim() || null, evidence };
          }),
        },
      },
      { onSuccess: () => void message.success(t('emulation.saved')) },
    );
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
      <ServerErrorAlert error={save.error} onReload={() => navigate(0)} />
      {r.criteria.map((c, n) => (
        <Card key={c.criterionId} size="small" style={{ marginBottom: 12 }}
          title={<span style={{ whiteSpace: 'normal' }}>{`${c.order}. ${c.name} (${f('maxPoints')}: ${c.maxPoints})`}</span>}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{`${f('evidence')}: ${c.evidenceHint}`}</Typography.Paragraph>
          <Flex gap={12} wrap>
            <Form.Item name={['scores', n, 'points']} label={f('selfPoints')} rules={[{ required: true, message: t('form.required') }]}>
              <InputNumber min={0} max={Number(c.maxPoints)} step={0.5} data-testid={`self-points-${n}`} />
            </Form.Item>
            <Form.Item name={['scores', n, 'note']} label={f('note')} style={{ flex: '1 1 240px' }}>
              <Input maxLength={2000} />
            </Form.Item>
          </Flex>
          <Form.Item name={['scores', n, 'initiatives']} label={t('emulation.pickInitiatives')}>
            <InitiativeEvidencePicker unitId={r.unitId} ariaLabel={`${t('emulation.pickInitiatives')} ${n + 1}`} testId={`evidence-initiatives-${n}`} />
          </Form.Item>
          <Form.List name={['scores', n, 'links']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} wrap>
                    <Form.Item name={[field.name, 'label']} style={{ flex: '1 1 200px' }}>
                      <Input placeholder={f('linkLabel')} aria-label={f('linkLabel')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'url']} style={{ flex: '1 1 200px' }}>
                      <Input placeholder="https://…" aria-label={f('url')} />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)}>{t('emulation.remove')}</Button>
                  </Flex>
                ))}
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ label: '', url: '' })}>
                  {t('emulation.addLink')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
      ))}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-self-score">
        {t('emulation.saveSelfScore')}
      </Button>
    </Form>
  );
}

/** The upper unit or the cluster leader adjusts each score within its maximum, with the reason for any change. */
function ReviewForm({ r }: { r: RegistrationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReviewValues>();
  const save = useScoreRegistration(r);
  const f = (k: string) => t(`emulation.fields.${k}`);
  const onFinish = (v: ReviewValues) =>
    save.mutate(
      { kind: 'review', data: { adjustments: r.criteria.map((c, n) => ({ criterionId: c.criterionId, points: v.adjustments[n]?.points ?? 0, comment: v.adjustments[n]?.comment?.trim() || null })) } },
      { onSuccess: () => void message.success(t('emulation.saved')) },
    );
  return (
    <Form form={form} layout="vertical" onFinish={onFinish}
      initialValues={{ adjustments: r.criteria.map((c) => ({ points: Number(c.reviewedPoints ?? c.selfPoints ?? 0), comment: c.reviewComment ?? undefined })) }}>
      <ServerErrorAlert error={save.error} onReload={() => navigate(0)} />
      {r.criteria.map((c, n) => (
        <Flex key={c.criterionId} gap={12} wrap align="start">
          <span style={{ flex: '2 1 240px', paddingTop: 4 }}>{`${c.order}. ${c.name} (${f('selfPoints')}: ${c.selfPoints ?? '—'} / ${c.maxPoints})`}</span>
          <Form.Item name={['adjustments', n, 'points']} rules={[{ required: true, message: t('form.required') }]}>
            <InputNumber min={0} max={Number(c.maxPoints)} step={0.5} aria-label={`${f('reviewedPoints')} ${n + 1}`} data-testid={`review-points-${n}`} />
          </Form.Item>
          <Form.Item name={['adjustments', n, 'comment']} style={{ flex: '2 1 240px' }}>
            <Input placeholder={f('comment')} aria-label={`${f('comment')} ${n + 1}`} data-testid={`review-comment-${n}`} />
          </Form.Item>
        </Flex>
      ))}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-review">
        {t('emulation.saveReview')}
      </Button>
    </Form>
  );
}

/** A registration: targets, individuals, the scores with evidence, who reviews it; self-scoring for the unit, review for the unit above or the cluster leader. */
export function RegistrationDetailRoute() {
  const { t } = useTranslation();
  const { registrationId } = useParams();
  const registration = useRegistration(registrationId!);
  const r = registration.data;
  useDocumentTitle(r ? `${r.unitName} – ${r.year}` : t('emulation.registration'));
  if (registration.isLoading) return <LoadingState />;
  if (registration.error || !r) return <ErrorState error={registration.error} onRetry={() => void registration.refetch()} />;
  const f = (k: string) => t(`emulation.fields.${k}`);
  return (
    <Flex vertical gap={16}>
      <Card title={<h1 style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>{`${r.unitName} – ${r.movementName} ${r.year}`}</h1>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={f('status')}><RegistrationStatusTag status={r.status} /></Descriptions.Item>
          <Descriptions.Item label={f('total')}>{`${r.total} / ${r.maxTotal}`}</Descriptions.Item>
          <Descriptions.Item label={f('registeredOn')}>{formatIsoDate(r.registeredOn)} <LateTag late={r.late} /></Descriptions.Item>
          <Descriptions.Item label={f('deadline')}>{formatIsoDate(r.deadline)}</Descriptions.Item>
          <Descriptions.Item label={f('targets')}>{r.targets}</Descriptions.Item>
          <Descriptions.Item label={f('aimedTitles')}>{r.aimedTitles ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={f('people')}>{r.people.map((p) => `${p.fullName} (${p.aimedTitle})`).join('; ') || t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={f('reviewers')}>
            <span data-testid="registration-reviewers">
              {r.reviewers.map((x) => `${x.unitName} (${t(`emulation.reviewerRoles.${x.role}`)})`).join('; ') || t('common.none')}
            </span>
          </Descriptions.Item>
          {r.reviewedBy ? <Descriptions.Item label={f('reviewedBy')}>{`${r.reviewedBy}, ${formatDateTime(r.reviewedAt)}`}</Descriptions.Item> : null}
          {r.closed ? <Descriptions.Item label={f('status')}>{t('emulation.closed')}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Card title={f('criteria')}>
        <Table
          rowKey="criterionId"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={r.criteria}
          columns={[
            { title: f('criterion'), dataIndex: 'name', render: (n: string, c) => `${c.order}. ${n}` },
            { title: f('maxPoints'), dataIndex: 'maxPoints', align: 'end', responsive: ['md'] },
            { title: f('selfPoints'), dataIndex: 'selfPoints', align: 'end' },
            { title: f('reviewedPoints'), dataIndex: 'reviewedPoints', align: 'end', render: (p: number | null, c) => (p == null ? '—' : <>{p}{c.reviewComment ? <div style={{ fontSize: 12 }}>{c.reviewComment}</div> : null}</>) },
            { title: f('evidence'), key: 'evidence', responsive: ['md'], render: (_: unknown, c) => <Evidence c={c} /> },
          ]}
        />
      </Card>
      {r.canScore ? <Card title={t('emulation.selfScore')}><SelfScoreForm r={r} /></Card> : null}
      {r.canReview ? <Card title={t('emulation.review')}><ReviewForm r={r} /></Card> : null}
    </Flex>
  );
}

export { RegistrationDetailRoute as Component };
