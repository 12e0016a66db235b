import { App, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { formatDateTime } from '@/lib/format/date';
import { useInitiativeStep, type InitiativeDetail, type RecognitionCondition } from '../api/initiatives';

type Finding = { met?: 'met' | 'notMet'; note?: string };

/**
 * The conditions of recognition (Decree 13/2012/NĐ-CP art. 3–4), each with its legal basis and the finding recorded
 * on it. The recognising officer records them (met / not met with a note) while the application is submitted.
 */
export function ConditionsChecklist({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<RecognitionCondition, Finding>>();
  const step = useInitiativeStep(initiative);
  const editable = initiative.canDecide && initiative.status === 'Submitted';
  const c = (k: string) => t(`initiatives.conditions.${k}`);
  const initial = Object.fromEntries(
    initiative.conditions.map((x) => [x.condition, { met: x.met == null ? undefined : x.met ? 'met' : 'notMet', note: x.note ?? undefined }]),
  ) as Record<RecognitionCondition, Finding>;

  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{c('title')}</Typography.Title>} data-testid="conditions">
      <ServerErrorAlert error={step.error} codeMessages={{ initiative_state: t('initiatives.rules.state') }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={!editable || step.isPending}
        onFinish={(values) => {
          const checks = initiative.conditions
            .map((x) => ({ condition: x.condition, finding: values[x.condition] }))
            .filter((x) => x.finding?.met)
            .map((x) => ({ condition: x.condition, met: x.finding.met === 'met', note: x.finding.note?.trim() || null }));
          step.mutate({ step: 'conditions', checks }, { onSuccess: () => void message.success(t('initiatives.actions.done')) });
        }}
      >
        <Flex vertical gap={12}>
          {initiative.conditions.map((x) => (
            <div key={x.condition} data-testid={`condition-${x.condition}`}>
              <Typography.Text strong>{c(x.condition)}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4, fontSize: 12 }}>
                {x.legalBasis}
                {x.recordedBy ? ` · ${x.recordedBy}, ${formatDateTime(x.recordedAt)}` : ''}
              </Typography.Paragraph>
              <Flex gap={12} wrap align="start">
                <Form.Item name={[x.condition, 'met']} style={{ marginBottom: 0 }}>
                  <Radio.Group
                    aria-label={c(x.condition)}
                    options={[
                      { value: 'met', label: c('met') },
                      { value: 'notMet', label: c('notMet') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name={[x.condition, 'note']} style={{ flex: '1 1 220px', marginBottom: 0 }}>
                  <Input aria-label={`${c('note')}: ${c(x.condition)}`} placeholder={c('note')} maxLength={2000} />
                </Form.Item>
              </Flex>
              {x.met == null && !editable ? <Typography.Text type="secondary">{c('unchecked')}</Typography.Text> : null}
            </div>
          ))}
          {editable ? (
            <Button type="primary" htmlType="submit" loading={step.isPending} style={{ alignSelf: 'start' }} data-testid="save-conditions">
              {t('initiatives.actions.saveConditions')}
            </Button>
          ) : null}
        </Flex>
      </Form>
    </Card>
  );
}
