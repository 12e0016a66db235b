import '../strings';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
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
};
const FIELDS = ['unitId', 'kind', 'year', 'title', 'field', 'themes', 'deadline', 'budgetCeiling', 'passThreshold'] as const;

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
  return (
    <FormPage title={t('topics.newCall')}>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 760 }}
        initialValues={{ kind: 'Order', year: new Date().getFullYear(), passThreshold: 7 }}
        onFinish={(v) =>
          submit({
            unitId: v.unitId!, kind: v.kind, year: v.year, title: v.title.trim(), field: v.field.trim(), themes: v.themes?.trim() || null,
            deadline: toIsoDate(v.deadline!), budgetCeiling: v.budgetCeiling!, passThreshold: v.passThreshold ?? null,
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
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="call-save">{t('common.save')}</Button>
          <Button onClick={() => navigate(topicPaths.calls)}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </FormPage>
  );
}

export { CallFormRoute as Component };
