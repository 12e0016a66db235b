import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { PARTNER_KINDS, type PartnerDetail, type PartnerInput } from '../api/partners';

const FIELDS = ['name', 'kind', 'contactName', 'contactEmail', 'contactPhone', 'agreementNumber', 'agreementSignedOn', 'agreementValidUntil'] as const;

/** Registers or corrects a partner agency (the coordinator). */
export function PartnerForm({
  open,
  partner,
  saving,
  error,
  onSubmit,
  onClose,
}: {
  open: boolean;
  partner?: PartnerDetail;
  saving: boolean;
  error: unknown;
  onSubmit: (values: PartnerInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PartnerInput>();
  const leftovers = useServerErrors(form, error, FIELDS);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (partner) form.setFieldsValue(partner);
  }, [open, partner, form]);
  const clean = (v: PartnerInput): PartnerInput => ({
    ...v,
    agreementSignedOn: v.agreementSignedOn || null,
    agreementValidUntil: v.agreementValidUntil || null,
  });
  return (
    <Modal
      open={open}
      title={t(partner ? 'trainingCourses.partners.edit' : 'trainingCourses.partners.add')}
      okText={t('trainingCourses.partners.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ServerErrorAlert error={error} leftoverMessages={leftovers} />
      <Form<PartnerInput> form={form} layout="vertical" initialValues={{ kind: 'University' }} onFinish={(v) => onSubmit(clean(v))}>
        <Form.Item name="name" label={t('trainingCourses.partners.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="kind" label={t('trainingCourses.partners.kind')} rules={[{ required: true }]}>
          <Select options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`trainingCourses.partners.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="contactName" label={t('trainingCourses.partners.contactName')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="contactEmail" label={t('trainingCourses.partners.contactEmail')} rules={[{ type: 'email' }]}>
          <Input maxLength={256} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('trainingCourses.partners.contactPhone')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="agreementNumber" label={t('trainingCourses.partners.agreementNumber')}>
          <Input maxLength={100} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="agreementSignedOn" label={t('trainingCourses.partners.agreementSignedOn')} style={{ flex: '1 1 160px' }}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="agreementValidUntil" label={t('trainingCourses.partners.agreementValidUntil')} style={{ flex: '1 1 160px' }}>
            <Input type="date" />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
