import '../strings';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { FormPage } from '@/components/page/form-page';
import { DATE_FORMAT } from '@/config/locale';
import { dayjs, toIsoDate } from '@/lib/format/date';
import { UnitSelect } from '../../emulation/components/unit-select';
import { usePublishCall, type ResearchCallKind } from '../api/topics';
import { topicPaths } from '../paths';

type Values = {
  unitId?: string; kind: ResearchCallKind; year: number; title: string; field: string; themes?: string; deadline?: dayjs.Dayjs;
  budgetCeiling?: number; passThreshold?: number;
  practicalSignificance: number; applicability: number; expectedEfficiency: number; feasibility: number;
};
const FIELDS = ['unitId', 'kind', 'year', 'title', 'field', 'themes', 'deadline', 'budgetCeiling', 'passThreshold', 'weights'] as const;
/** The four criteria a topic council scores on; the form takes their weights in percent, the API in fractions totalling 1. */
const CRITERIA = ['practicalSignificance', 'applicability', 'expectedEfficiency', 'feasibility'] as const;
/** The default of the topic rule set (DT-2024.1), in percent. */
const DEFAULT_WEIGHTS = { practicalSignificance: 30, applicability: 25, expectedEfficiency: 25, feasibility: 20 };

/** The weights in percent as the API's fractions (rounded to 4 decimals so 33.33% stays 0.3333). */
export function toWeights(v: Record<(typeof CRITERIA)[number], number>) {
  const of = (k: (typeof CRITERIA)[number]) => Math.round((v[k] ?? 0) * 100) / 10_000;
  return { practicalSignificance: of('practicalSignificance'), applicability: of('applicability'), expectedEfficiency: of('expectedEfficiency'), feasibility: of('feasibility') };
}

/** The ordering unit publishes an order (đặt hàng) or open call: year, field, themes, deadline, ceiling per topic, selection threshold. */
export function CallFormRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const publish = usePublishCall();
  const submit = useCreateSubmit(publish, () => topicPaths.calls);
  const leftover = useServerErrors(form, publish.error, FIELDS);
  const f = (k: string) => t(`topics.fields.${k}`);
  const required = [{ required: true, message: t('form.required') }];
  const weights = Form.useWatch([], form) as Partial<Values> | undefined;
  const total = Math.round(CRITERIA.reduce((sum, k) => sum + Number(weights?.[k] ?? 0) * 100, 0)) / 100;
  return (
    <FormPage title={t('topics.newCall')}>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 760 }}
        initialValues={{ kind: 'Order', year: new Date().getFullYear(), passThreshold: 7, ...DEFAULT_WEIGHTS }}
        onFinish={(v) =>
          submit({
            unitId: v.unitId!, kind: v.kind, year: v.year, title: v.title.trim(), field: v.field.trim(), themes: v.themes?.trim() || null,
            deadline: toIsoDate(v.deadline!), budgetCeiling: v.budgetCeiling!, passThreshold: v.passThreshold ?? null,
            weights: toWeights(v),
          })
        }
        data-testid="call-form"
      >
        <ServerErrorAlert error={publish.error} leftoverMessages={leftover} />
        <Flex gap={16} wrap>
          <Form.Item name="unitId" label={t('topics.fields.unit')} rules={required} style={{ flex: '2 1 280px', minWidth: 0 }}>
            <UnitSelect ariaLabel={t('topics.fields.unit')} testId="call-unit" />
          </Form.Item>
          <Form.Item name="kind" label={f('kind')} rules={required} style={{ flex: '1 1 160px' }}>
            <Select aria-label={f('kind')} options={(['Order', 'OpenCall'] as const).map((k) => ({ value: k, label: t(`topics.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="year" label={f('year')} rules={required} style={{ flex: '1 1 120px' }}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label={f('title')} rules={[...required, { max: 500 }]}>
          <Input data-testid="call-title" />
        </Form.Item>
        <Form.Item name="field" label={f('field')} rules={[...required, { max: 200 }]}>
          <Input data-testid="call-field" />
        </Form.Item>
        <Form.Item name="themes" label={f('themes')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="deadline" label={f('deadline')} rules={required} style={{ flex: '1 1 180px' }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="call-deadline" />
          </Form.Item>
          <Form.Item name="budgetCeiling" label={f('ceiling')} rules={required} style={{ flex: '1 1 200px' }}>
            <InputNumber<number>
              min={1}
              step={10_000_000}
              style={{ width: '100%' }}
              formatter={(v) => (v == null ? '' : new Intl.NumberFormat('vi-VN').format(Number(v)))}
              parser={(v) => Number((v ?? '').replace(/[^\d]/g, ''))}
              data-testid="call-ceiling"
            />
          </Form.Item>
          <Form.Item name="passThreshold" label={f('passThreshold')} style={{ flex: '1 1 180px' }}>
            <InputNumber min={1} max={10} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('topics.fields.weights')}</Typography.Text>
        <Flex gap={16} wrap data-testid="call-weights">
          {CRITERIA.map((k) => (
            <Form.Item key={k} name={k} label={t(`topics.criterion.${k}`)} rules={[...required, { type: 'number', min: 0.01, message: t('topics.weightPositive') }]} style={{ flex: '1 1 150px' }}>
              <InputNumber min={0} max={100} step={5} addonAfter="%" style={{ width: '100%' }} data-testid={`weight-${k}`} />
            </Form.Item>
          ))}
        </Flex>
        <Typography.Text type={total === 100 ? 'secondary' : 'danger'} data-testid="weights-total">
          {t('topics.weightsTotal', { total })}
        </Typography.Text>
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="call-save">{t('common.save')}</Button>
          <Button onClick={() => navigate(topicPaths.calls)}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </FormPage>
  );
}

export { CallFormRoute as Component };
