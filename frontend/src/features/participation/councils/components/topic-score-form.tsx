import { Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { TOPIC_CRITERIA, useCouncilStep, type CouncilDetail, type CouncilItemView, type TopicCriterion } from '../api/councils';

type Values = Partial<Record<TopicCriterion, number | null>> & { comment?: string };

/** The weighted score as the member types: Σ weight × points, shown with two decimals (the server computes it exactly). */
export function weightedScore(weights: readonly { criterion: TopicCriterion; weight: number }[], points: Partial<Record<TopicCriterion, number | null>>) {
  if (weights.some((w) => points[w.criterion] == null)) return null;
  return weights.reduce((sum, w) => sum + w.weight * (points[w.criterion] ?? 0), 0);
}

/**
 * A member's blind score on a research topic: 1–10 on each criterion of the rule set, the weighted score shown live
 * against the pass mark. Submitted once; the others' scores appear after it.
 */
export function TopicScoreForm({ council, item }: { council: CouncilDetail; item: CouncilItemView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const step = useCouncilStep(council.id);
  const s = (k: string) => t(`councils.score.${k}`);
  const judging = council.topicJudging;
  const weights = judging?.criteria ?? TOPIC_CRITERIA.map((criterion) => ({ criterion, weight: 0.25, name: criterion }));
  const points = (Form.useWatch([], form) ?? {}) as Values;
  const weighted = weightedScore(weights, points);
  const leftover = useServerErrors(form, step.error, TOPIC_CRITERIA);

  const submit = (v: Values) =>
    step.mutate({
      step: 'score',
      itemId: item.itemId,
      agree: false,
      comment: v.comment?.trim() || null,
      findings: TOPIC_CRITERIA.map((c) => ({ criterion: c, met: true, note: null, points: v[c] ?? null })),
    });

  return (
    <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{s('title')}</Typography.Title>} data-testid="topic-score-form">
      <Typography.Paragraph type="secondary">{s('blind')}</Typography.Paragraph>
      <ServerErrorAlert error={step.error} leftoverMessages={leftover} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={step.isPending}>
        <Flex gap={12} wrap>
          {weights.map((w) => (
            <Form.Item
              key={w.criterion}
              name={w.criterion}
              label={`${t(`councils.criterion.${w.criterion}`)} (×${w.weight})`}
              rules={[{ required: true, message: t('form.required') }, { type: 'integer', min: 1, max: 10, message: t('councils.topic.points') }]}
              style={{ flex: '1 1 150px', marginBottom: 8 }}
            >
              <InputNumber min={1} max={10} step={1} precision={0} style={{ width: '100%' }} data-testid={`points-${w.criterion}`} />
            </Form.Item>
          ))}
        </Flex>
        <Typography.Paragraph aria-live="polite" data-testid="weighted-live">
          {weighted == null ? null : (
            <>
              {t('councils.topic.yourWeighted', { value: weighted.toFixed(2) })}
              {judging ? ` · ${t('councils.topic.passMark')}: ${judging.passMark}` : null}
            </>
          )}
        </Typography.Paragraph>
        <Form.Item name="comment" label={t('councils.fields.comment')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Popconfirm title={s('submitConfirm')} onConfirm={() => form.submit()} okButtonProps={{ ...({ 'data-testid': 'score-confirm' } as Record<string, string>) }}>
          <Button type="primary" loading={step.isPending} data-testid="score-submit">{s('submit')}</Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}
