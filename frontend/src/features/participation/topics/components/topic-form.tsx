import '../strings';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { OfficialPicker, type PickedOfficial } from '../../councils/components/official-picker';
import { UnitSelect } from '../../emulation/components/unit-select';
import { formatVnd } from '../../initiatives/components/vnd';
import { SOURCES, useResearchCalls, type ProposeTopicInput, type TopicDetail, type TopicFundingSource } from '../api/topics';
import { checkBudget } from '../budget';

type Line = { source?: TopicFundingSource; item?: string; amount?: number | null };
type Person = { official?: PickedOfficial };
export type TopicFormValues = {
  callId?: string;
  unitId?: string;
  title: string;
  field: string;
  objectives: string;
  expectedProducts: string;
  durationMonths: number;
  lines: Line[];
};

const FIELDS = ['callId', 'unitId', 'title', 'field', 'objectives', 'expectedProducts', 'durationMonths', 'budgetLines', 'leadOfficialId', 'memberOfficialIds'] as const;

const person = (p: TopicDetail['lead']): PickedOfficial => ({ id: p.officialId, fullName: p.fullName, position: p.position ?? '', email: p.email });

/**
 * The proposal (thuyết minh): the call, the proposing unit, lead and members picked among officials (never typed ids),
 * and budget lines by funding source with the total checked live against the call's ceiling. The API has the last word
 * (409 budget_over_ceiling naming budgetLines).
 */
export function TopicForm({
  topic,
  presetCallId,
  error,
  pending,
  onSubmit,
  onCancel,
}: {
  topic?: TopicDetail;
  presetCallId?: string;
  error: unknown;
  pending: boolean;
  onSubmit: (input: ProposeTopicInput) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<TopicFormValues>();
  const calls = useResearchCalls(topic ? {} : { open: true });
  const [lead, setLead] = useState<PickedOfficial | undefined>(topic ? person(topic.lead) : undefined);
  const [members, setMembers] = useState<Person[]>(topic ? topic.members.map((m) => ({ official: person(m) })) : []);
  const f = (k: string) => t(`topics.fields.${k}`);
  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  const callId = Form.useWatch('callId', form) ?? topic?.callId ?? presetCallId;
  const lines = (Form.useWatch('lines', form) ?? []) as Line[];
  const call = (calls.data ?? []).find((c) => c.id === callId);
  const ceiling = call?.budgetCeiling ?? topic?.budgetCeiling;
  const budget = checkBudget(lines, ceiling);
  const leftover = useServerErrors(form, error, FIELDS, { budgetLines: 'lines' });
  const vnd = (n: number) => formatVnd(n, i18n.language);

  const finish = (v: TopicFormValues) =>
    onSubmit({
      callId: v.callId ?? topic!.callId,
      unitId: v.unitId ?? topic!.unitId,
      title: v.title.trim(),
      field: v.field.trim(),
      leadOfficialId: lead!.id,
      memberOfficialIds: members.filter((m) => m.official).map((m) => m.official!.id),
      objectives: v.objectives.trim(),
      expectedProducts: v.expectedProducts.trim(),
      durationMonths: v.durationMonths,
      budgetLines: v.lines.map((l) => ({ source: l.source!, item: (l.item ?? '').trim(), amount: l.amount ?? 0 })),
    });

  const initialValues: Partial<TopicFormValues> = topic
    ? {
        callId: topic.callId, unitId: topic.unitId, title: topic.title, field: topic.field, objectives: topic.objectives,
        expectedProducts: topic.expectedProducts, durationMonths: topic.durationMonths,
        lines: topic.budgetLines.map((l) => ({ source: l.source, item: l.item, amount: l.amount })),
      }
    : { callId: presetCallId, durationMonths: 12, lines: [{ source: 'UnionFunds' }] };

  return (
    <Flex gap={24} wrap align="start">
      <Form form={form} layout="vertical" onFinish={finish} initialValues={initialValues} style={{ flex: '1 1 480px', maxWidth: 760, minWidth: 0 }} data-testid="topic-form">
        <ServerErrorAlert error={error} leftoverMessages={leftover} />
        <Flex gap={16} wrap>
          <Form.Item name="callId" label={f('call')} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '2 1 280px', minWidth: 0 }}>
            <Select
              aria-label={f('call')}
              disabled={!!topic}
              loading={calls.isLoading}
              options={(calls.data ?? []).map((c) => ({ value: c.id, label: `${c.title} (${c.year})` }))}
              data-testid="topic-call"
            />
          </Form.Item>
          <Form.Item name="unitId" label={f('unit')} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '2 1 280px', minWidth: 0 }}>
            {topic ? <Input value={topic.unitName} disabled /> : <UnitSelect ariaLabel={f('unit')} testId="topic-unit" />}
          </Form.Item>
        </Flex>
        <Form.Item name="title" label={f('title')} rules={[...required, { max: 500 }]}>
          <Input data-testid="topic-title" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="field" label={f('field')} rules={[...required, { max: 200 }]} style={{ flex: '2 1 240px' }}>
            <Input data-testid="topic-field" />
          </Form.Item>
          <Form.Item name="durationMonths" label={f('durationMonths')} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '1 1 160px' }}>
            <InputNumber min={1} max={60} style={{ width: '100%' }} data-testid="topic-duration" />
          </Form.Item>
        </Flex>
        <Form.Item label={f('lead')} required>
          <OfficialPicker value={lead?.id} picked={lead} onPick={setLead} testId="topic-lead" ariaLabel={f('lead')} />
        </Form.Item>
        <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }} data-testid="topic-members">
          <legend style={{ fontWeight: 600, fontSize: 14 }}>{f('members')}</legend>
          <Flex vertical gap={8}>
            {members.map((m, n) => (
              <Flex key={n} gap={8} align="center">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <OfficialPicker
                    value={m.official?.id}
                    picked={m.official}
                    onPick={(official) => setMembers(members.map((x, i) => (i === n ? { official } : x)))}
                    testId={`topic-member-${n}`}
                    ariaLabel={`${f('member')} ${n + 1}`}
                  />
                </div>
                <Button icon={<DeleteOutlined />} aria-label={t('topics.removeMember')} onClick={() => setMembers(members.filter((_, i) => i !== n))} />
              </Flex>
            ))}
            <div>
              <Button icon={<PlusOutlined />} onClick={() => setMembers([...members, {}])} data-testid="topic-add-member">{t('topics.addMember')}</Button>
            </div>
          </Flex>
        </fieldset>
        <Form.Item name="objectives" label={f('objectives')} rules={[...required, { max: 4000 }]}>
          <Input.TextArea rows={3} data-testid="topic-objectives" />
        </Form.Item>
        <Form.Item name="expectedProducts" label={f('expectedProducts')} rules={[...required, { max: 4000 }]}>
          <Input.TextArea rows={3} data-testid="topic-products" />
        </Form.Item>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="topic-budget">
              <legend style={{ fontWeight: 600, fontSize: 14 }}>{f('budget')}</legend>
              <Typography.Paragraph type="secondary">{t('topics.budgetHint')}</Typography.Paragraph>
              {fields.map((field, n) => (
                <Flex key={field.key} gap={8} wrap align="start">
                  <Form.Item name={[field.name, 'source']} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '1 1 160px', marginBottom: 8 }}>
                    <Select aria-label={`${f('source')} ${n + 1}`} options={SOURCES.map((s) => ({ value: s, label: t(`topics.source.${s}`) }))} data-testid={`budget-source-${n}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'item']} rules={[...required, { max: 300 }]} style={{ flex: '2 1 200px', marginBottom: 8 }}>
                    <Input aria-label={`${f('item')} ${n + 1}`} placeholder={f('item')} data-testid={`budget-item-${n}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'amount']}
                    rules={[{ required: true, message: t('form.required') }]}
                    validateStatus={budget.invalidLines.includes(n) && lines[n]?.amount != null ? 'error' : undefined}
                    help={budget.invalidLines.includes(n) && lines[n]?.amount != null ? t('topics.invalidAmount') : undefined}
                    style={{ flex: '1 1 160px', marginBottom: 8 }}
                  >
                    <InputNumber<number>
                      aria-label={`${f('amount')} ${n + 1}`}
                      min={0}
                      step={1_000_000}
                      style={{ width: '100%' }}
                      formatter={(v) => (v == null ? '' : new Intl.NumberFormat('vi-VN').format(Number(v)))}
                      parser={(v) => Number((v ?? '').replace(/[^\d]/g, ''))}
                      data-testid={`budget-amount-${n}`}
                    />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('topics.removeLine')} disabled={fields.length <= 1} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ source: 'UnionFunds' })} data-testid="budget-add">{t('topics.addLine')}</Button>
            </fieldset>
          )}
        </Form.List>
        <Flex gap={8} style={{ marginTop: 16 }} wrap>
          <Button type="primary" htmlType="submit" loading={pending} disabled={!lead || budget.over} data-testid="topic-save">
            {t('common.save')}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
      <Card title={f('total')} style={{ flex: '1 1 300px', minWidth: 0 }} aria-live="polite" data-testid="budget-total">
        {ceiling == null ? <Typography.Text type="secondary">{t('topics.chooseCall')}</Typography.Text> : null}
        <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }} type={budget.over ? 'danger' : undefined}>
          {vnd(budget.total)}
        </Typography.Title>
        {ceiling != null ? (
          <Typography.Paragraph>
            {f('ceiling')}: {vnd(ceiling)}
            <br />
            {budget.over ? (
              <Typography.Text type="danger" data-testid="budget-over">{f('over')}: {vnd(-budget.left)}</Typography.Text>
            ) : (
              <>{f('left')}: {vnd(budget.left)}</>
            )}
          </Typography.Paragraph>
        ) : null}
        <ul style={{ paddingInlineStart: 18, margin: 0 }}>
          {budget.bySource.map((s) => (
            <li key={s.source}>{t(`topics.source.${s.source}`)}: {vnd(s.amount)}</li>
          ))}
        </ul>
        {budget.over ? <Alert type="error" showIcon style={{ marginTop: 12 }} message={t('topics.rules.budgetOver')} /> : null}
      </Card>
    </Flex>
  );
}
