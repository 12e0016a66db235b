import '../strings';
import { Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { FormPage } from '@/components/page/form-page';
import { OfficialPicker } from '../../councils/components/official-picker';
import { useMovements, useRegister } from '../api/emulation';
import { UnitSelect } from '../components/unit-select';
import { emulationPaths } from '../paths';

type Values = { movementId: string; unitId: string; year: number; targets: string; aimedTitles?: string; people?: { officialId?: string; aimedTitle: string }[] };

/**
 * A unit registers for a year of a movement: its targets, the titles it aims for and its individuals (picked among officials).
 * A registration reminder links here with the movement, unit and year filled in (`?movementId=&unitId=&year=`).
 */
export function RegistrationCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const linkedYear = Number(search.get('year'));
  const [form] = Form.useForm<Values>();
  const register = useRegister();
  const movements = useMovements({ pageSize: 100 });
  const submit = useCreateSubmit(register, (r) => emulationPaths.registration(r.id));
  const f = (k: string) => t(`emulation.fields.${k}`);
  const required = [{ required: true, message: t('form.required') }];
  const onFinish = (v: Values) =>
    submit({
      movementId: v.movementId, unitId: v.unitId, year: v.year, targets: v.targets.trim(), aimedTitles: v.aimedTitles?.trim() || null,
      people: (v.people ?? []).filter((p) => p.officialId).map((p) => ({ officialId: p.officialId!, aimedTitle: p.aimedTitle.trim() })),
    });
  return (
    <FormPage title={t('emulation.register')}>
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{
          movementId: search.get('movementId') ?? undefined, unitId: search.get('unitId') ?? undefined,
          year: Number.isInteger(linkedYear) && linkedYear >= 2000 ? linkedYear : new Date().getFullYear(), people: [],
        }} style={{ maxWidth: 800 }}>
        <ServerErrorAlert error={register.error} />
        <Form.Item name="movementId" label={f('movement')} rules={required}>
          <Select aria-label={f('movement')} data-testid="registration-movement" options={(movements.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="unitId" label={f('unit')} rules={required} style={{ flex: '1 1 320px' }}>
            <UnitSelect ariaLabel={f('unit')} testId="registration-unit" />
          </Form.Item>
          <Form.Item name="year" label={f('year')} rules={required}>
            <InputNumber min={2000} max={2100} data-testid="registration-year" />
          </Form.Item>
        </Flex>
        <Form.Item name="targets" label={f('targets')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="registration-targets" />
        </Form.Item>
        <Form.Item name="aimedTitles" label={f('aimedTitles')}>
          <Input maxLength={1000} data-testid="registration-titles" />
        </Form.Item>
        <Form.List name="people">
          {(fields, { add, remove }) => (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontWeight: 600, fontSize: 14 }}>{f('people')}</legend>
              {fields.map((field, n) => (
                <Flex key={field.key} gap={8} wrap align="start">
                  <Form.Item name={[field.name, 'officialId']} rules={required} style={{ flex: '2 1 260px' }}>
                    <OfficialPicker ariaLabel={`${f('official')} ${n + 1}`} testId={`person-${n}`} onPick={(o) => form.setFieldValue(['people', field.name, 'officialId'], o?.id)} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'aimedTitle']} rules={required} style={{ flex: '1 1 200px' }}>
                    <Input placeholder={f('aimedTitle')} aria-label={`${f('aimedTitle')} ${n + 1}`} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('emulation.remove')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ aimedTitle: 'Lao động tiên tiến' })}>
                {t('emulation.addPerson')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="save-registration">
            {t('emulation.register')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </FormPage>
  );
}

export { RegistrationCreateRoute as Component };
