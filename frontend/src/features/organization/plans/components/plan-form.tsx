import { AutoComplete, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityFormProps } from '@/components/form/form-props';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { DATE_FORMAT } from '@/config/locale';
import { dayjs, toIsoDate } from '@/lib/format/date';
import { useUnitTree } from '@/lib/scope/unit-tree';
import { UnitTreeSelect } from '@/components/form/unit-tree-select';
import type { PlanDetail, CreatePlanInput } from '../api/plans';

interface TaskFields {
  code: string;
  text: string;
  responsibleBoard?: string | null;
  due?: string | null;
}

interface SectionFields {
  code: string;
  title: string;
  tasks: TaskFields[];
}

interface IndicatorFields {
  code: string;
  name: string;
  unitOfMeasure: string;
  target?: number | null;
  note?: string | null;
}

/** What the form holds: dates as picker values, sent to the API as "yyyy-MM-dd". */
export interface PlanFormFields {
  unitId?: string;
  number: string;
  title: string;
  issuerName: string;
  issuedOn?: Dayjs;
  periodFrom?: number;
  periodTo?: number;
  implements?: string | null;
  implementationDeadline?: Dayjs;
  summary?: string | null;
  sections: SectionFields[];
  indicators: IndicatorFields[];
}

/** The API's body; the create form adds `unitId`. */
export type PlanFormValues = Omit<CreatePlanInput, 'unitId'> & { unitId?: string };

const EDIT_FIELDS = [
  'number',
  'title',
  'issuerName',
  'issuedOn',
  'periodFrom',
  'periodTo',
  'implements',
  'implementationDeadline',
  'summary',
  'sections',
  'indicators',
] as const;
const CREATE_FIELDS = ['unitId', ...EDIT_FIELDS] as const;

/** The boards of a federation (plan IV.1); the field also takes any other text. */
const BOARDS = ['Ban Chính sách – Pháp luật', 'Ban Tuyên giáo – Nữ công', 'Ban Tổ chức', 'Ban Tài chính', 'Văn phòng'];

/** A plan from the API as the form's initial values. */
export function planToFields(plan: PlanDetail): PlanFormFields {
  return {
    number: plan.number,
    title: plan.title,
    issuerName: plan.issuerName,
    issuedOn: dayjs(plan.issuedOn),
    periodFrom: plan.periodFrom,
    periodTo: plan.periodTo,
    implements: plan.implements ?? undefined,
    implementationDeadline: dayjs(plan.implementationDeadline),
    summary: plan.summary ?? undefined,
    sections: plan.sections.map((s) => ({
      code: s.code,
      title: s.title,
      tasks: s.tasks.map((t) => ({ code: t.code, text: t.text, responsibleBoard: t.responsibleBoard ?? undefined, due: t.due ?? undefined })),
    })),
    indicators: plan.indicators.map((i) => ({ code: i.code, name: i.name, unitOfMeasure: i.unitOfMeasure, target: i.target, note: i.note ?? undefined })),
  };
}

const text = (v: string | null | undefined) => v?.trim() ?? '';
const optional = (v: string | null | undefined) => v?.trim() || null;

function toValues(values: PlanFormFields, mode: 'create' | 'edit'): PlanFormValues {
  return {
    ...(mode === 'create' ? { unitId: values.unitId } : {}),
    number: text(values.number),
    title: text(values.title),
    issuerName: text(values.issuerName),
    issuedOn: toIsoDate(values.issuedOn!),
    periodFrom: values.periodFrom!,
    periodTo: values.periodTo!,
    implements: optional(values.implements),
    implementationDeadline: toIsoDate(values.implementationDeadline!),
    summary: optional(values.summary),
    sections: (values.sections ?? []).map((s) => ({
      code: text(s.code),
      title: text(s.title),
      tasks: (s.tasks ?? []).map((t) => ({ code: text(t.code), text: text(t.text), responsibleBoard: optional(t.responsibleBoard), due: optional(t.due) })),
    })),
    indicators: (values.indicators ?? []).map((i) => ({
      code: text(i.code),
      name: text(i.name),
      unitOfMeasure: text(i.unitOfMeasure),
      target: i.target ?? 0,
      note: optional(i.note),
    })),
  };
}

/** Up, down and remove for one row of a list; labelled with the row so screen readers tell the rows apart. */
function RowActions({
  index,
  count,
  label,
  move,
  remove,
}: {
  index: number;
  count: number;
  label: string;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
}) {
  const { t } = useTranslation();
  const button = (title: string, icon: ReactNode, onClick: () => void, disabled: boolean, danger = false) => (
    <Tooltip title={title}>
      <Button size="small" danger={danger} icon={icon} disabled={disabled} onClick={onClick} aria-label={`${title}: ${label}`} />
    </Tooltip>
  );
  return (
    <Flex gap={4}>
      {button(t('plans.form.moveUp'), <ArrowUpOutlined />, () => move(index, index - 1), index === 0)}
      {button(t('plans.form.moveDown'), <ArrowDownOutlined />, () => move(index, index + 1), index === count - 1)}
      {button(t('plans.form.remove'), <DeleteOutlined />, () => remove(index), false, true)}
    </Flex>
  );
}

/**
 * Create and edit share this form: the plan's header (number, title, issuer, dates, period, the document it
 * implements), its sections with their tasks, and its indicators with targets; rows can be added, removed and
 * reordered. Server validation messages land on their fields, nested ones too (`sections[1].tasks[0].text`);
 * a 412 conflict shows the "someone else changed this" alert with a reload.
 */
export function PlanForm({ mode, initialValues, onSubmit, onCancel, onReload, submitting, error }: EntityFormProps<PlanFormValues, PlanFormFields>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanFormFields>();
  const leftover = useServerErrors(form, error, mode === 'create' ? CREATE_FIELDS : EDIT_FIELDS);
  const units = useUnitTree();
  const required = (label: string) => ({ required: true, whitespace: true, message: t('form.required', { field: label.toLowerCase() }) });
  const requiredValue = (label: string, type: 'object' | 'number') => ({ type, required: true, message: t('form.required', { field: label.toLowerCase() }) });
  const datePicker = <DatePicker format={DATE_FORMAT} placeholder={t('plans.datePlaceholder')} style={{ width: '100%' }} />;
  const boardOptions = BOARDS.map((b) => ({ value: b }));

  // The printed issuer usually is the issuing unit's name: offer it until the user types their own.
  const onUnitChange = (unitId: string) => {
    const unit = units.data?.items.find((u) => u.id === unitId);
    if (unit && !form.isFieldTouched('issuerName')) form.setFieldValue('issuerName', unit.name);
  };
  useEffect(() => {
    const unitId = form.getFieldValue('unitId') as string | undefined;
    if (mode === 'create' && unitId && !form.getFieldValue('issuerName')) onUnitChange(unitId);
    // Once the units are known: the unit chosen up front names the issuer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [units.data]);

  return (
    <Form<PlanFormFields>
      form={form}
      layout="vertical"
      initialValues={{ sections: [], indicators: [], ...initialValues }}
      onFinish={(values) => onSubmit(toValues(values, mode))}
      onValuesChange={(changed: Partial<PlanFormFields>) => {
        if (changed.unitId) onUnitChange(changed.unitId);
      }}
      disabled={submitting}
      style={{ maxWidth: 960 }}
      scrollToFirstError
    >
      <ServerErrorAlert error={error} leftoverMessages={leftover} onReload={onReload} />
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('plans.form.header')}
      </Typography.Title>
      {mode === 'create' ? (
        <Form.Item name="unitId" label={t('plans.form.unit')} rules={[required(t('plans.form.unit'))]} extra={t('plans.form.unitHint')}>
          <UnitTreeSelect />
        </Form.Item>
      ) : null}
      <Flex gap={16} wrap>
        <Form.Item
          name="number"
          label={t('plans.fields.number')}
          rules={[required(t('plans.fields.number'))]}
          extra={t('plans.form.numberHint')}
          style={{ flex: '1 1 200px' }}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('plans.fields.issuedOn')}
          rules={[requiredValue(t('plans.fields.issuedOn'), 'object')]}
          style={{ flex: '1 1 160px' }}
        >
          {datePicker}
        </Form.Item>
      </Flex>
      <Form.Item name="title" label={t('plans.fields.title')} rules={[required(t('plans.fields.title'))]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="issuerName" label={t('plans.fields.issuer')} rules={[required(t('plans.fields.issuer'))]} extra={t('plans.form.issuerHint')}>
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="periodFrom"
          label={t('plans.form.periodFrom')}
          rules={[requiredValue(t('plans.form.periodFrom'), 'number')]}
          style={{ flex: '1 1 120px' }}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="periodTo" label={t('plans.form.periodTo')} rules={[requiredValue(t('plans.form.periodTo'), 'number')]} style={{ flex: '1 1 120px' }}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="implementationDeadline"
          label={t('plans.fields.deadline')}
          rules={[requiredValue(t('plans.fields.deadline'), 'object')]}
          extra={t('plans.form.deadlineHint')}
          style={{ flex: '2 1 240px' }}
        >
          {datePicker}
        </Form.Item>
      </Flex>
      <Form.Item name="implements" label={t('plans.fields.implements')} extra={t('plans.form.implementsHint')}>
        <Input maxLength={500} autoComplete="off" />
      </Form.Item>
      <Form.Item name="summary" label={t('plans.fields.summary')}>
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 8 }} showCount />
      </Form.Item>

      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('plans.sections')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('plans.form.sectionsHint')}</Typography.Paragraph>
      <Form.List name="sections">
        {(sections, { add, remove, move }, { errors }) => (
          <Flex vertical gap={12} data-testid="plan-sections-editor">
            {sections.length === 0 ? <Typography.Text type="secondary">{t('plans.form.noSections')}</Typography.Text> : null}
            {sections.map((section, index) => {
              const sectionLabel = t('plans.form.section', { n: index + 1 });
              return (
                <Card
                  key={section.key}
                  size="small"
                  data-testid="plan-section-editor"
                  title={<span style={{ whiteSpace: 'normal' }}>{sectionLabel}</span>}
                  extra={<RowActions index={index} count={sections.length} label={sectionLabel} move={move} remove={remove} />}
                  styles={{ body: { paddingBottom: 8 } }}
                >
                  <Flex gap={8} wrap>
                    <Form.Item
                      name={[section.name, 'code']}
                      label={t('plans.form.sectionCode')}
                      rules={[required(t('plans.form.sectionCode'))]}
                      style={{ flex: '0 1 120px' }}
                    >
                      <Input maxLength={20} autoComplete="off" />
                    </Form.Item>
                    <Form.Item
                      name={[section.name, 'title']}
                      label={t('plans.form.sectionTitle')}
                      rules={[required(t('plans.form.sectionTitle'))]}
                      style={{ flex: '1 1 240px' }}
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                  </Flex>
                  <Form.List name={[section.name, 'tasks']}>
                    {(tasks, taskOps, { errors: taskErrors }) => (
                      <Flex vertical gap={8} style={{ paddingInlineStart: 8, borderInlineStart: '2px solid rgba(5, 5, 5, 0.06)' }}>
                        {tasks.map((task, taskIndex) => {
                          const taskLabel = `${sectionLabel}, ${t('plans.form.task', { n: taskIndex + 1 })}`;
                          return (
                            <div key={task.key} data-testid="plan-task-editor">
                              <Flex justify="space-between" align="center" gap={8}>
                                <Typography.Text strong>{t('plans.form.task', { n: taskIndex + 1 })}</Typography.Text>
                                <RowActions index={taskIndex} count={tasks.length} label={taskLabel} move={taskOps.move} remove={taskOps.remove} />
                              </Flex>
                              <Flex gap={8} wrap>
                                <Form.Item
                                  name={[task.name, 'code']}
                                  label={t('plans.form.taskCode')}
                                  rules={[required(t('plans.form.taskCode'))]}
                                  style={{ flex: '0 1 120px' }}
                                >
                                  <Input maxLength={20} autoComplete="off" />
                                </Form.Item>
                                <Form.Item
                                  name={[task.name, 'text']}
                                  label={t('plans.form.taskText')}
                                  rules={[required(t('plans.form.taskText'))]}
                                  style={{ flex: '1 1 240px' }}
                                >
                                  <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 6 }} />
                                </Form.Item>
                              </Flex>
                              <Flex gap={8} wrap>
                                <Form.Item name={[task.name, 'responsibleBoard']} label={t('plans.form.taskBoard')} style={{ flex: '1 1 220px' }}>
                                  <AutoComplete options={boardOptions} maxLength={300} allowClear />
                                </Form.Item>
                                <Form.Item
                                  name={[task.name, 'due']}
                                  label={t('plans.form.taskDue')}
                                  extra={t('plans.form.taskDueHint')}
                                  style={{ flex: '1 1 160px' }}
                                >
                                  <Input maxLength={100} autoComplete="off" />
                                </Form.Item>
                              </Flex>
                            </div>
                          );
                        })}
                        <Form.ErrorList errors={taskErrors} />
                        <Button
                          type="dashed"
                          icon={<PlusOutlined />}
                          disabled={tasks.length >= 100}
                          onClick={() => {
                            const code = text(form.getFieldValue(['sections', section.name, 'code']));
                            taskOps.add({ code: code ? `${code}.${tasks.length + 1}` : '', text: '' });
                          }}
                          data-testid="add-task"
                        >
                          {t('plans.form.addTask')}
                        </Button>
                      </Flex>
                    )}
                  </Form.List>
                </Card>
              );
            })}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} disabled={sections.length >= 50} onClick={() => add({ code: '', title: '', tasks: [] })} data-testid="add-section">
              {t('plans.form.addSection')}
            </Button>
          </Flex>
        )}
      </Form.List>

      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        {t('plans.indicators')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('plans.form.indicatorsHint')}</Typography.Paragraph>
      <Form.List name="indicators">
        {(indicators, { add, remove, move }, { errors }) => (
          <Flex vertical gap={8} data-testid="plan-indicators-editor">
            {indicators.length === 0 ? <Typography.Text type="secondary">{t('plans.form.noIndicators')}</Typography.Text> : null}
            {indicators.map((indicator, index) => {
              const label = t('plans.form.indicator', { n: index + 1 });
              return (
                <Card
                  key={indicator.key}
                  size="small"
                  data-testid="plan-indicator-editor"
                  title={label}
                  extra={<RowActions index={index} count={indicators.length} label={label} move={move} remove={remove} />}
                  styles={{ body: { paddingBottom: 0 } }}
                >
                  <Flex gap={8} wrap>
                    <Form.Item
                      name={[indicator.name, 'code']}
                      label={t('plans.form.indicatorCode')}
                      rules={[required(t('plans.form.indicatorCode'))]}
                      style={{ flex: '0 1 120px' }}
                    >
                      <Input maxLength={20} autoComplete="off" />
                    </Form.Item>
                    <Form.Item
                      name={[indicator.name, 'name']}
                      label={t('plans.form.indicatorName')}
                      rules={[required(t('plans.form.indicatorName'))]}
                      style={{ flex: '1 1 240px' }}
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                  </Flex>
                  <Flex gap={8} wrap>
                    <Form.Item
                      name={[indicator.name, 'target']}
                      label={t('plans.form.indicatorTarget')}
                      rules={[requiredValue(t('plans.form.indicatorTarget'), 'number')]}
                      style={{ flex: '1 1 140px' }}
                    >
                      <InputNumber min={0} style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item
                      name={[indicator.name, 'unitOfMeasure']}
                      label={t('plans.form.indicatorMeasure')}
                      rules={[required(t('plans.form.indicatorMeasure'))]}
                      style={{ flex: '1 1 120px' }}
                    >
                      <Input maxLength={50} autoComplete="off" />
                    </Form.Item>
                    <Form.Item name={[indicator.name, 'note']} label={t('plans.form.indicatorNote')} style={{ flex: '2 1 200px' }}>
                      <Input maxLength={1000} />
                    </Form.Item>
                  </Flex>
                </Card>
              );
            })}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              disabled={indicators.length >= 100}
              onClick={() => add({ code: '', name: '', unitOfMeasure: '', target: null })}
              data-testid="add-indicator"
            >
              {t('plans.form.addIndicator')}
            </Button>
          </Flex>
        )}
      </Form.List>

      <Flex gap={8} style={{ marginTop: 24 }}>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="save-plan">
          {mode === 'create' ? t('common.create') : t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
