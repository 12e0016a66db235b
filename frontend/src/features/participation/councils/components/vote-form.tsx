import { Button, Card, Form, Input, Popconfirm, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useCouncilStep, type CouncilItemView } from '../api/councils';

type Values = { vote?: 'agree' | 'disagree'; comment?: string };

/**
 * A member's vote on one commendation proposal before the emulation council (Hội đồng Thi đua – Khen thưởng): đồng ý
 * or không đồng ý, with an optional comment. Cast once and blind; the others' votes appear after it.
 */
export function VoteForm({ councilId, item }: { councilId: string; item: CouncilItemView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const step = useCouncilStep(councilId);
  const v = (k: string, o: Record<string, unknown> = {}) => t(`councils.vote.${k}`, o);

  const submit = (values: Values) =>
    step.mutate({ step: 'vote', itemId: item.itemId, agree: values.vote === 'agree', comment: values.comment?.trim() || null });

  return (
    <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{v('title')}</Typography.Title>} data-testid="vote-form">
      <Typography.Paragraph type="secondary">{v('help', { needed: item.needed, members: item.members })}</Typography.Paragraph>
      <ServerErrorAlert error={step.error} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={step.isPending}>
        <Form.Item name="vote" label={v('choice')} rules={[{ required: true, message: t('form.required') }]}>
          <Radio.Group data-testid="vote-choice">
            <Radio value="agree">{v('agree')}</Radio>
            <Radio value="disagree">{v('disagree')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="comment" label={t('councils.fields.comment')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Popconfirm title={v('confirm')} onConfirm={() => form.submit()} okButtonProps={{ ...({ 'data-testid': 'vote-confirm' } as Record<string, string>) }}>
          <Button type="primary" loading={step.isPending} data-testid="vote-submit">{v('submit')}</Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}
