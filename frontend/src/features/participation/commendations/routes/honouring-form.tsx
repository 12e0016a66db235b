import '../strings';
import { Button, Checkbox, DatePicker, Empty, Flex, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { FormPage } from '@/components/page/form-page';
import { formatIsoDate } from '@/lib/format/date';
import { UnitSelect } from '../../emulation/components/unit-select';
import { useCreateHonouringEvent, useHonourableDecisions } from '../api/honouring';
import { commendationPaths } from '../paths';

type Values = { unitId?: string; name: string; heldOn?: Dayjs; venue: string; decisionIds?: string[] };

/**
 * A unit that decides commendations holds an honouring event: name, date, venue and the decisions it honours, picked
 * among the unit's own decided decisions (never typed); the honourees follow from the decisions.
 */
export function HonouringFormRoute() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateHonouringEvent();
  const submit = useCreateSubmit(create, (r) => commendationPaths.honouringEvent(r.id));
  const f = (k: string) => t(`honouring.fields.${k}`);
  const required = [{ required: true, message: t('form.required') }];
  const unitId = Form.useWatch('unitId', form);
  const decisions = useHonourableDecisions(unitId);
  const onFinish = (v: Values) =>
    submit({
      unitId: v.unitId!, name: v.name.trim(), heldOn: v.heldOn!.format('YYYY-MM-DD'), venue: v.venue.trim(), decisionIds: v.decisionIds ?? [],
    });

  return (
    <FormPage title={t('honouring.new')}>
      <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 760 }}>
        <ServerErrorAlert error={create.error} />
        <Form.Item name="unitId" label={f('unit')} rules={required}>
          <UnitSelect ariaLabel={f('unit')} testId="honouring-unit" />
        </Form.Item>
        <Form.Item name="name" label={f('name')} rules={required}>
          <Input maxLength={300} data-testid="honouring-name" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="heldOn" label={f('heldOn')} rules={required}>
            <DatePicker format="DD/MM/YYYY" aria-label={f('heldOn')} data-testid="honouring-date" />
          </Form.Item>
          <Form.Item name="venue" label={f('venue')} rules={required} style={{ flex: '1 1 240px' }}>
            <Input maxLength={300} data-testid="honouring-venue" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="decisionIds"
          label={f('decisionIds')}
          extra={t('honouring.decisionsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('form.required') }]}
        >
          {unitId && decisions.data && decisions.data.length === 0 ? (
            <Empty description={t('honouring.noDecisions')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="honouring-decisions">
              {(decisions.data ?? []).map((d) => (
                <Checkbox key={d.proposalId} value={d.proposalId}>
                  <Typography.Text strong>
                    {d.decisionNumber} ({formatIsoDate(d.decisionDate)})
                  </Typography.Text>{' '}
                  — {d.formName} {d.year}: {d.names}
                </Checkbox>
              ))}
            </Checkbox.Group>
          )}
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="save-honouring-event">
          {t('honouring.save')}
        </Button>
      </Form>
    </FormPage>
  );
}

export { HonouringFormRoute as Component };
