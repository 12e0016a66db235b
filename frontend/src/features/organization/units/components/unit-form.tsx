import { Button, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { trimValues } from '@/components/form/trim-values';
import { UNIT_KINDS } from '../../shared/unit-kinds';
import { useUnitKindLabel } from '../../shared/unit-kind-label';
import { UnitTreeSelect } from '@/components/form/unit-tree-select';
import type { EntityFormProps } from '@/components/form/form-props';

export interface UnitFormValues {
  code?: string;
  name: string;
  kind?: string;
  parentId?: string;
  address?: string;
  phone?: string;
  email?: string;
}

const EDIT_FIELDS = ['name', 'address', 'phone', 'email'] as const;
const CREATE_FIELDS = ['code', 'kind', 'parentId', ...EDIT_FIELDS] as const;

/**
 * Create and edit share this form. Server validation messages land on their fields; a 412 conflict
 * shows the "someone else changed this" alert with a reload button.
 */
export function UnitForm({
  mode,
  initialValues,
  onSubmit,
  onCancel,
  onReload,
  submitting,
  error,
}: EntityFormProps<UnitFormValues>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UnitFormValues>();
  const kindLabel = useUnitKindLabel();
  const leftover = useServerErrors(form, error, mode === 'create' ? CREATE_FIELDS : EDIT_FIELDS);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field: field.toLowerCase() }) });

  return (
    <Form<UnitFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => onSubmit(trimValues(values))}
      disabled={submitting}
      style={{ maxWidth: 640 }}
      scrollToFirstError
    >
      <ServerErrorAlert error={error} leftoverMessages={leftover} onReload={onReload} />
      {mode === 'create' ? (
        <>
          <Form.Item name="parentId" label={t('organization.fields.parent')} rules={[required(t('organization.fields.parent'))]}>
            <UnitTreeSelect />
          </Form.Item>
          <Form.Item name="kind" label={t('organization.fields.kind')} rules={[required(t('organization.fields.kind'))]}>
            <Select options={UNIT_KINDS.filter((k) => k !== 'ProvincialFederation').map((k) => ({ value: k, label: kindLabel(k) }))} />
          </Form.Item>
          <Form.Item name="code" label={t('organization.fields.code')} rules={[required(t('organization.fields.code'))]}>
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="name" label={t('organization.fields.name')} rules={[required(t('organization.fields.name'))]}>
        <Input maxLength={256} autoComplete="off" />
      </Form.Item>
      <Form.Item name="address" label={t('organization.fields.address')}>
        <Input maxLength={512} autoComplete="street-address" />
      </Form.Item>
      <Form.Item name="phone" label={t('organization.fields.phone')}>
        <Input maxLength={32} type="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item name="email" label={t('organization.fields.email')} rules={[{ type: 'email', message: t('form.invalidEmail') }]}>
        <Input maxLength={256} type="email" autoComplete="email" />
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

