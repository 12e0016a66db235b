import { App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, ServerErrorAlert } from '@/components/form/server-errors';
import { DATE_FORMAT } from '@/config/locale';
import { ApiError } from '@/lib/api/problem';
import { todayInProvince, toIsoDate } from '@/lib/format/date';
import { usePutUnitHeadcount } from '../api/unit-headcounts';

interface HeadcountValues {
  asOf: Dayjs;
  members: number;
  workers: number;
  note?: string;
}

const FIELDS = ['asOf', 'members', 'workers', 'note'] as const;
/** The rules the server may refuse figures with; each lands on its field in the UI language. */
export const HEADCOUNT_RULES = ['members_above_workers', 'as_of_in_future', 'as_of_too_early', 'negative_count'] as const;

/** Records a unit's member and worker counts for a day (today by default); the server keeps the rules. */
export function UnitHeadcountModal({ unitId, open, onClose }: { unitId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<HeadcountValues>();
  const save = usePutUnitHeadcount();
  const [leftover, setLeftover] = useState<string[]>([]);
  const label = (key: string) => t(`organization.headcount.${key}`);
  const ruleMessages = Object.fromEntries(HEADCOUNT_RULES.map((code) => [code, t(`organization.headcount.errors.${code}`)]));

  const error = save.error;
  useEffect(() => {
    if (!error) {
      setLeftover([]);
      return;
    }
    const code = error instanceof ApiError ? error.code : undefined;
    if (error instanceof ApiError && code && code in ruleMessages) {
      const fields = Object.keys(error.fieldErrors).filter((f) => (FIELDS as readonly string[]).includes(f));
      form.setFields(fields.map((name) => ({ name: name as keyof HeadcountValues, errors: [ruleMessages[code]!] })));
      setLeftover([]);
    } else setLeftover(applyFieldErrors(form, error, FIELDS));
    // ruleMessages follows the language, which does not change while the modal is open
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error, form]);

  const close = () => {
    save.reset();
    form.resetFields();
    onClose();
  };

  const submit = (values: HeadcountValues) => {
    save
      .mutateAsync({ unitId, asOf: toIsoDate(values.asOf), members: values.members, workers: values.workers, note: values.note?.trim() })
      .then(() => {
        void message.success(label('saved'));
        close();
      })
      .catch(() => undefined);
  };

  const required = (key: string) => [{ required: true, message: t('form.required', { field: label(key).toLowerCase() }) }];
  return (
    <Modal
      open={open}
      title={label('modalTitle')}
      okText={label('save')}
      okButtonProps={{ 'data-testid': 'save-headcount' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<HeadcountValues>
        form={form}
        layout="vertical"
        initialValues={{ asOf: todayInProvince() }}
        disabled={save.isPending}
        onFinish={submit}
      >
        <ServerErrorAlert error={error} leftoverMessages={leftover} codeMessages={ruleMessages} />
        <Form.Item name="asOf" label={label('day')} extra={label('dayHint')} rules={required('day')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} data-testid="headcount-day" />
        </Form.Item>
        <Form.Item name="members" label={label('members')} rules={required('members')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="headcount-members" />
        </Form.Item>
        <Form.Item name="workers" label={label('workers')} rules={required('workers')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="headcount-workers" />
        </Form.Item>
        <Form.Item name="note" label={label('note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} data-testid="headcount-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
