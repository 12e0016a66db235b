import { Button, Card, Flex, Form, Input, Popconfirm, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { CONDITIONS, type RecognitionCondition } from '../../initiatives/api/initiatives';
import { useCouncilStep, type CouncilItemView } from '../api/councils';

type Values = Record<RecognitionCondition, { met?: 'met' | 'notMet'; note?: string }> & { vote?: 'agree' | 'disagree'; comment?: string };

/**
 * A member's blind score on one item: each condition of recognition met / not met (with a note when not met) and a
 * vote. Submitted once; the others' scores appear after it.
 */
export function ScoreForm({ councilId, item }: { councilId: string; item: CouncilItemView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const step = useCouncilStep(councilId);
  const s = (k: string) => t(`councils.score.${k}`);
  const findings = Form.useWatch([], form) as Values | undefined;
  const anyNotMet = CONDITIONS.some((c) => findings?.[c]?.met === 'notMet');

  const submit = (v: Values) =>
    step.mutate({
      step: 'score',
      itemId: item.itemId,
      agree: v.vote === 'agree',
      comment: v.comment?.trim() || null,
      findings: CONDITIONS.map((c) => ({ criterion: c, met: v[c]?.met === 'met', note: v[c]?.note?.trim() || null })),
    });

  return (
    <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{s('title')}</Typography.Title>} data-testid="score-form">
      <Typography.Paragraph type="secondary">{s('blind')}</Typography.Paragraph>
      <ServerErrorAlert error={step.error} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={step.isPending}>
        {CONDITIONS.map((c) => (
          <Flex key={c} gap={8} wrap align="start">
            <Form.Item name={[c, 'met']} label={t(`initiatives.conditions.${c}`)} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '1 1 260px', marginBottom: 8 }}>
              <Radio.Group data-testid={`score-${c}`}>
                <Radio value="met">{s('met')}</Radio>
                <Radio value="notMet">{s('notMet')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name={[c, 'note']}
              label={t('councils.fields.note')}
              style={{ flex: '2 1 260px', marginBottom: 8 }}
              rules={[{ required: findings?.[c]?.met === 'notMet', whitespace: true, message: t('form.required') }, { max: 2000 }]}
            >
              <Input data-testid={`score-note-${c}`} />
            </Form.Item>
          </Flex>
        ))}
        <Form.Item name="vote" label={t('councils.fields.vote')} rules={[{ required: true, message: t('form.required') }]}>
          <Radio.Group data-testid="score-vote">
            <Radio value="agree" disabled={anyNotMet}>{s('agree')}</Radio>
            <Radio value="disagree">{s('disagree')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="comment" label={t('councils.fields.comment')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Popconfirm title={s('submitConfirm')} onConfirm={() => form.submit()} okButtonProps={{ ...({ 'data-testid': 'score-confirm' } as Record<string, string>) }}>
          <Button type="primary" loading={step.isPending} data-testid="score-submit">
            {s('submit')}
          </Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}
