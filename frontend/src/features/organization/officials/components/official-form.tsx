import { Button, Flex, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { trimValues } from '@/components/form/trim-values';
import { type PoliticalTheory, POLITICAL_THEORY_LEVELS } from '../api/officials';
import { usePoliticalTheoryLabel } from './political-theory-label';
import { UnitTreeSelect } from '@/components/form/unit-tree-select';
import type { EntityFormProps } from '@/components/form/form-props';

export interface OfficialFormValues {
  unitId?: string;
  fullName: string;
  position: string;
  phone?: string | null;
  email?: string | null;
  expertise?: string | null;
  politicalTheory: PoliticalTheory;
  foreignLanguage?: string | null;
  researchMethodsTrained: boolean;
}

const EDIT_FIELDS = [
  'fullName',
  'position',
  'phone',
  'email',
  'expertise',
  'politicalTheory',
  'foreignLanguage',
  'researchMethodsTrained',
] as const;
const CREATE_FIELDS = ['unitId', ...EDIT_FIELDS] as const;
const OPTIONAL_FIELDS = ['phone', 'email', 'expertise', 'foreignLanguage'] as const;

/**
 * Create and edit share this form. Server validation messages land on their fields; a 412 conflict
 * shows the "someone else changed this" alert with a reload button.
 */
export function OfficialForm({
  mode,
  initialValues,
  onSubmit,
  onCancel,
  onReload,
  submitting,
  error,
}: EntityFormProps<OfficialFormValues>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OfficialFormValues>();
  const theoryLabel = usePoliticalTheoryLabel();
  const leftover = useServerErrors(form, error, mode === 'create' ? CREATE_FIELDS : EDIT_FIELDS);
  const label = (field: (typeof CREATE_FIELDS)[number]) =>
    t(`organization.officialFields.${field === 'unitId' ? 'unit' : field}`);
  const required = (field: (typeof CREATE_FIELDS)[number]) => ({
    required: true,
    whitespace: true,
    message: t('form.required', { field: label(field).toLowerCase() }),
  });

  return (
    <Form<OfficialFormValues>
      form={form}
      layout="vertical"
      initialValues={{ politicalTheory: 'None', researchMethodsTrained: false, ...initialValues }}
      // Optional fields left empty go to the API as null, whether touched or not.
      onFinish={(values) => {
        const trimmed = trimValues(values);
        for (const field of OPTIONAL_FIELDS) trimmed[field] ??= null;
        onSubmit(trimmed);
      }}
      disabled={submitting}
      style={{ maxWidth: 640 }}
      scrollToFirstError
    >
      <ServerErrorAlert error={error} leftoverMessages={leftover} onReload={onReload} />
      {mode === 'create' ? (
        <Form.Item name="unitId" label={label('unitId')} rules={[required('unitId')]}>
          <UnitTreeSelect />
        </Form.Item>
      ) : null}
      <Form.Item name="fullName" label={label('fullName')} rules={[required('fullName')]}>
        <Input maxLength={256} autoComplete="off" />
      </Form.Item>
      <Form.Item name="position" label={label('position')} rules={[required('position')]}>
        <Input maxLength={256} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={label('phone')}>
        <Input maxLength={32} type="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="email" label={label('email')} rules={[{ type: 'email', message: t('form.invalidEmail') }]}>
        <Input maxLength={256} type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item name="expertise" label={label('expertise')}>
        <Input maxLength={256} autoComplete="off" />
      </Form.Item>
      <Form.Item name="politicalTheory" label={label('politicalTheory')} rules={[{ required: true }]}>
        <Select options={POLITICAL_THEORY_LEVELS.map((level) => ({ value: level, label: theoryLabel(level) }))} />
      </Form.Item>
      <Form.Item name="foreignLanguage" label={label('foreignLanguage')}>
        <Input maxLength={256} autoComplete="off" />
      </Form.Item>
      <Form.Item name="researchMethodsTrained" label={label('researchMethodsTrained')} valuePropName="checked">
        {/* No "yes/no" text inside: white on the unchecked grey fails WCAG contrast; the label says it all. */}
        <Switch />
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
