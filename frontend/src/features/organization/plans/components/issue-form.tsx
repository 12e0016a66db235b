import { Button, DatePicker, Flex, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { DATE_FORMAT } from '@/config/locale';
import { toIsoDate, todayInProvince } from '@/lib/format/date';
import type { IssueInput } from '../api/implementation-plans';

interface IssueFields {
  number: string;
  issuedOn: Dayjs;
  note?: string;
}

const FIELDS = ['number', 'issuedOn', 'note'] as const;

/**
 * Issuing a draft and revising an issued plan ask the same: the number and date of the signed document (not in
 * the future) and what changed. The server checks the dates again and its messages land on the fields.
 */
export function IssueForm({
  mode,
  onSubmit,
  submitting,
  error,
}: {
  mode: 'issue' | 'revise';
  onSubmit: (values: IssueInput) => void;
  submitting: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IssueFields>();
  const leftover = useServerErrors(form, error, FIELDS);
  const today = todayInProvince();
  return (
    <Form<IssueFields>
      form={form}
      layout="vertical"
      disabled={submitting}
      data-testid={`${mode}-form`}
      onFinish={({ number, issuedOn, note }) =>
        onSubmit({ number: number.trim(), issuedOn: toIsoDate(issuedOn), note: note?.trim() || null } as IssueInput)
      }
    >
      <ServerErrorAlert
        error={error}
        leftoverMessages={leftover}
        codeMessages={{
          implementation_plan_not_draft: t('plans.our.errors.notDraft'),
          implementation_plan_not_issued: t('plans.our.errors.notIssued'),
        }}
      />
      <Flex gap={16} wrap>
        <Form.Item
          name="number"
          label={t('plans.fields.number')}
          extra={t('plans.our.numberHint')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('plans.fields.number').toLowerCase() }) }]}
          style={{ flex: '1 1 220px' }}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('plans.fields.issuedOn')}
          rules={[{ type: 'object', required: true, message: t('form.required', { field: t('plans.fields.issuedOn').toLowerCase() }) }]}
          style={{ flex: '1 1 200px' }}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('plans.datePlaceholder')}
            disabledDate={(d) => d.isAfter(today, 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={mode === 'revise' ? t('plans.our.revisionNote') : t('plans.fields.note')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid={`${mode}-submit`}>
        {mode === 'revise' ? t('plans.our.revise') : t('plans.our.issue')}
      </Button>
    </Form>
  );
}
