import { Button, DatePicker, Flex, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { trimValues } from '@/components/form/trim-values';
import { DATE_FORMAT } from '@/config/locale';
import { dayjs, toIsoDate } from '@/lib/format/date';
import type { UpdatePolicyInput } from '../api/policies';
import { UnitTreeSelect } from '@/components/form/unit-tree-select';
import type { EntityFormProps } from '@/components/form/form-props';

/** What the form holds: dates as picker values, sent to the API as "yyyy-MM-dd". */
export interface PolicyFormFields {
  unitId?: string;
  number: string;
  title: string;
  issuer: string;
  issuedOn: Dayjs;
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
  scope?: string | null;
  summary?: string | null;
}

/** The API's body (the create form adds `unitId`). */
export type PolicyFormValues = UpdatePolicyInput & { unitId?: string };

const EDIT_FIELDS = ['number', 'title', 'issuer', 'issuedOn', 'effectiveFrom', 'effectiveTo', 'scope', 'summary'] as const;
const CREATE_FIELDS = ['unitId', ...EDIT_FIELDS] as const;
type Field = (typeof CREATE_FIELDS)[number];

/** A document from the API as the form's initial values. */
export function policyToFields(policy: {
  number: string;
  title: string;
  issuer: string;
  issuedOn: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  scope?: string | null;
  summary?: string | null;
}): Partial<PolicyFormFields> {
  return {
    number: policy.number,
    title: policy.title,
    issuer: policy.issuer,
    issuedOn: dayjs(policy.issuedOn),
    effectiveFrom: dayjs(policy.effectiveFrom),
    effectiveTo: policy.effectiveTo ? dayjs(policy.effectiveTo) : null,
    scope: policy.scope ?? undefined,
    summary: policy.summary ?? undefined,
  };
}

/**
 * Create and edit share this form. Server validation messages (e.g. `errors.effectiveTo` when the end is
 * before the start) land on their fields; a 412 conflict shows the "someone else changed this" alert.
 */
export function PolicyForm({
  mode,
  initialValues,
  onSubmit,
  onCancel,
  onReload,
  submitting,
  error,
}: EntityFormProps<PolicyFormValues, PolicyFormFields>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PolicyFormFields>();
  const leftover = useServerErrors(form, error, mode === 'create' ? CREATE_FIELDS : EDIT_FIELDS);
  const label = (field: Field) => t(`organization.policies.fields.${field === 'unitId' ? 'unit' : field}`);
  const message = (field: Field) => t('form.required', { field: label(field).toLowerCase() });
  const required = (field: Field) => ({ required: true, whitespace: true, message: message(field) });
  // Picker values are dayjs objects, not strings.
  const requiredDate = (field: Field) => ({ type: 'object' as const, required: true, message: message(field) });
  const datePicker = <DatePicker format={DATE_FORMAT} placeholder={t('organization.policies.datePlaceholder')} style={{ width: '100%' }} />;

  return (
    <Form<PolicyFormFields>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => {
        const { issuedOn, effectiveFrom, effectiveTo, ...text } = values;
        const trimmed = trimValues(text);
        onSubmit({
          ...trimmed,
          ...(mode === 'create' ? { unitId: values.unitId } : {}),
          scope: trimmed.scope ?? null,
          summary: trimmed.summary ?? null,
          issuedOn: toIsoDate(issuedOn),
          effectiveFrom: toIsoDate(effectiveFrom),
          effectiveTo: effectiveTo ? toIsoDate(effectiveTo) : null,
        });
      }}
      disabled={submitting}
      style={{ maxWidth: 720 }}
      scrollToFirstError
    >
      <ServerErrorAlert error={error} leftoverMessages={leftover} onReload={onReload} />
      {mode === 'create' ? (
        <Form.Item
          name="unitId"
          label={label('unitId')}
          rules={[required('unitId')]}
          extra={t('organization.policies.unitHint')}
        >
          <UnitTreeSelect />
        </Form.Item>
      ) : null}
      <Form.Item name="number" label={label('number')} rules={[required('number')]} extra={t('organization.policies.numberHint')}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="title" label={label('title')} rules={[required('title')]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="issuer" label={label('issuer')} rules={[required('issuer')]}>
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="issuedOn" label={label('issuedOn')} rules={[requiredDate('issuedOn')]} style={{ flex: '1 1 200px' }}>
          {datePicker}
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label={label('effectiveFrom')}
          rules={[requiredDate('effectiveFrom')]}
          style={{ flex: '1 1 200px' }}
        >
          {datePicker}
        </Form.Item>
        <Form.Item
          name="effectiveTo"
          label={label('effectiveTo')}
          extra={t('organization.policies.effectiveToHint')}
          style={{ flex: '1 1 200px' }}
        >
          {datePicker}
        </Form.Item>
      </Flex>
      <Form.Item name="scope" label={label('scope')}>
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Form.Item name="summary" label={label('summary')}>
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 10 }} showCount />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {mode === 'create' ? t('common.create') : t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
