import '../strings';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { FormPage } from '@/components/page/form-page';
import { ErrorState, LoadingState } from '@/components/states';
import { DATE_FORMAT } from '@/config/locale';
import { dayjs, toIsoDate } from '@/lib/format/date';
import { useUnitTree } from '@/lib/scope/unit-tree';
import { useCreateMovement, useMovement, useUpdateMovement, type CreateMovementInput, type MovementDetail } from '../api/emulation';
import { UnitSelect } from '../components/unit-select';
import { emulationPaths } from '../paths';

type Criterion = { id?: string | null; name: string; maxPoints: number; evidence: string };
type Values = {
  unitId?: string;
  name: string;
  kind: 'Regular' | 'Thematic';
  target: 'Individuals' | 'Collectives' | 'Both';
  fromYear?: number;
  toYear?: number | null;
  period?: [dayjs.Dayjs, dayjs.Dayjs];
  registrationDeadline: dayjs.Dayjs;
  participants: 'Subtree' | 'ChosenUnits';
  chosenUnitIds?: string[];
  criteria: Criterion[];
};

function initial(m?: MovementDetail): Partial<Values> {
  if (!m) return { kind: 'Regular', target: 'Both', participants: 'Subtree', fromYear: dayjs().year(), criteria: [{ name: '', maxPoints: 10, evidence: '' }] };
  return {
    unitId: m.unitId, name: m.name, kind: m.kind, target: m.target, fromYear: m.fromYear, toYear: m.toYear ?? null,
    period: m.periodFrom && m.periodTo ? [dayjs(m.periodFrom), dayjs(m.periodTo)] : undefined,
    registrationDeadline: dayjs(m.registrationDeadline), participants: m.participants, chosenUnitIds: m.chosenUnits.map((u) => u.id),
    criteria: m.criteria.map((c) => ({ id: c.id, name: c.name, maxPoints: Number(c.maxPoints), evidence: c.evidence })),
  };
}

function toInput(v: Values): Omit<CreateMovementInput, 'unitId'> {
  return {
    name: v.name.trim(), kind: v.kind, target: v.target, fromYear: v.fromYear ?? v.period?.[0].year() ?? dayjs().year(), toYear: v.toYear ?? null,
    periodFrom: v.kind === 'Thematic' && v.period ? toIsoDate(v.period[0]) : null,
    periodTo: v.kind === 'Thematic' && v.period ? toIsoDate(v.period[1]) : null,
    registrationDeadline: toIsoDate(v.registrationDeadline), participants: v.participants,
    chosenUnitIds: v.participants === 'ChosenUnits' ? (v.chosenUnitIds ?? []) : [],
    criteria: v.criteria.map((c) => ({ id: c.id ?? null, name: c.name.trim(), maxPoints: c.maxPoints, evidence: c.evidence.trim() })),
  };
}

/** Launch or edit a movement: kind and period, target group, participating units and the criteria (max points, evidence). */
function MovementForm({ movement }: { movement?: MovementDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateMovement();
  const update = useUpdateMovement();
  const tree = useUnitTree();
  const submitCreate = useCreateSubmit(create, (m) => emulationPaths.movement(m.id));
  const kind = Form.useWatch('kind', form);
  const participants = Form.useWatch('participants', form);
  const f = (k: string) => t(`emulation.fields.${k}`);
  const required = [{ required: true, message: t('form.required') }];
  const error = create.error ?? update.error;

  const onFinish = (v: Values) => {
    if (movement)
      update.mutate({ id: movement.id, version: movement.version, data: toInput(v) }, { onSuccess: (m) => navigate(emulationPaths.movement(m.id)) });
    else submitCreate({ ...toInput(v), unitId: v.unitId ?? tree.data?.items[0]?.id ?? '' });
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial(movement)} onFinish={onFinish} style={{ maxWidth: 900 }}>
      <ServerErrorAlert error={error} onReload={() => navigate(0)} />
      {!movement ? (
        <Form.Item name="unitId" label={f('launchingUnit')} rules={required}>
          <UnitSelect ariaLabel={f('launchingUnit')} testId="movement-unit" />
        </Form.Item>
      ) : null}
      <Form.Item name="name" label={f('name')} rules={required}>
        <Input maxLength={300} data-testid="movement-name" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="kind" label={f('kind')}>
          <Radio.Group options={(['Regular', 'Thematic'] as const).map((k) => ({ value: k, label: t(`emulation.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="target" label={f('target')} style={{ minWidth: 220 }}>
          <Select aria-label={f('target')} options={(['Individuals', 'Collectives', 'Both'] as const).map((k) => ({ value: k, label: t(`emulation.target.${k}`) }))} />
        </Form.Item>
      </Flex>
      {kind === 'Thematic' ? (
        <Form.Item name="period" label={f('period')} rules={required}>
          <DatePicker.RangePicker format={DATE_FORMAT} />
        </Form.Item>
      ) : (
        <Flex gap={16} wrap>
          <Form.Item name="fromYear" label={f('fromYear')} rules={required}>
            <InputNumber min={2000} max={2100} data-testid="movement-from-year" />
          </Form.Item>
          <Form.Item name="toYear" label={f('toYear')}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Flex>
      )}
      <Form.Item name="registrationDeadline" label={f('deadline')} rules={required}>
        <DatePicker format={DATE_FORMAT} data-testid="movement-deadline" />
      </Form.Item>
      <Form.Item name="participants" label={f('participants')}>
        <Radio.Group options={(['Subtree', 'ChosenUnits'] as const).map((k) => ({ value: k, label: t(`emulation.participants.${k}`) }))} />
      </Form.Item>
      {participants === 'ChosenUnits' ? (
        <Form.Item name="chosenUnitIds" label={f('chosenUnits')} rules={required}>
          <UnitSelect multiple ariaLabel={f('chosenUnits')} testId="movement-chosen-units" />
        </Form.Item>
      ) : null}
      <Form.List name="criteria">
        {(fields, { add, remove }) => (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontWeight: 600, fontSize: 14 }}>{f('criteria')}</legend>
            {fields.map((field, n) => (
              <Flex key={field.key} gap={8} wrap align="start">
                <span style={{ paddingTop: 6 }}>{n + 1}.</span>
                <Form.Item name={[field.name, 'name']} rules={required} style={{ flex: '2 1 240px' }}>
                  <Input placeholder={f('criterion')} aria-label={`${f('criterion')} ${n + 1}`} data-testid={`criterion-name-${n}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'maxPoints']} rules={required} style={{ flex: '0 0 110px' }}>
                  <InputNumber min={0.01} max={1000} step={1} placeholder={f('maxPoints')} aria-label={`${f('maxPoints')} ${n + 1}`} data-testid={`criterion-max-${n}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'evidence']} rules={required} style={{ flex: '2 1 240px' }}>
                  <Input placeholder={f('evidence')} aria-label={`${f('evidence')} ${n + 1}`} data-testid={`criterion-evidence-${n}`} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('emulation.remove')} onClick={() => remove(field.name)} disabled={fields.length === 1} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', maxPoints: 10, evidence: '' })} data-testid="add-criterion">
              {t('emulation.addCriterion')}
            </Button>
          </fieldset>
        )}
      </Form.List>
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="save-movement">
          {t('common.save')}
        </Button>
        <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}

export function MovementFormRoute() {
  const { t } = useTranslation();
  const { movementId } = useParams();
  const movement = useMovement(movementId);
  if (movementId && movement.isLoading) return <LoadingState />;
  if (movementId && movement.error) return <ErrorState error={movement.error} onRetry={() => void movement.refetch()} />;
  return (
    <FormPage title={movementId ? t('emulation.editMovement') : t('emulation.newMovement')}>
      <MovementForm movement={movement.data} />
    </FormPage>
  );
}

export { MovementFormRoute as Component };
