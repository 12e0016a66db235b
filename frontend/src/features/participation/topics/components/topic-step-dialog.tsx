import '../strings';
import { App, DatePicker, Flex, Form, Input, Modal, Button } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { DATE_FORMAT } from '@/config/locale';
import { dayjs, toIsoDate, todayInProvince } from '@/lib/format/date';
import { useTopicStep, type TopicDetail, type TopicStep } from '../api/topics';

export type Dialog =
  | { kind: 'withdraw' }
  | { kind: 'cancel' }
  | { kind: 'close' }
  | { kind: 'contract' }
  | { kind: 'report'; milestoneId: string; title: string }
  | { kind: 'extension'; milestoneId: string; title: string; dueDate: string }
  | { kind: 'decide'; extensionId: string; grant: boolean }
  | { kind: 'application' };

type DialogValues = {
  reason?: string; note?: string; report?: string; completedOn?: dayjs.Dayjs; newDueDate?: dayjs.Dayjs;
  contractNumber?: string; contractDate?: dayjs.Dayjs; startDate?: dayjs.Dayjs; endDate?: dayjs.Dayjs;
  milestones?: { title?: string; deliverable?: string; dueDate?: dayjs.Dayjs }[];
  appliedAt?: string; appliedSince?: dayjs.Dayjs; results?: string;
};

/** The dialog of a step: the fields it asks for, sent with the topic's version as If-Match. */
export function StepDialog({ topic, dialog, onClose }: { topic: TopicDetail; dialog: Dialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useTopicStep(topic);
  const [form] = Form.useForm<DialogValues>();
  const f = (k: string) => t(`topics.fields.${k}`);
  const a = (k: string) => t(`topics.actions.${k}`);
  // The message names the field ("Vui lòng nhập lý do."), in the dialog's language.
  const required = (k: string) => [{ required: true, message: t('form.required', { field: f(k).toLowerCase() }) }];
  const text = (k: string) => [{ required: true, whitespace: true, message: t('form.required', { field: f(k).toLowerCase() }) }];
  if (!dialog) return null;
  const title =
    dialog.kind === 'withdraw' ? a('withdraw')
    : dialog.kind === 'cancel' ? a('cancel')
    : dialog.kind === 'close' ? a('close')
    : dialog.kind === 'contract' ? a('contract')
    : dialog.kind === 'report' ? `${a('report')}: ${dialog.title}`
    : dialog.kind === 'extension' ? `${a('extension')}: ${dialog.title}`
    : dialog.kind === 'decide' ? a(dialog.grant ? 'grant' : 'refuse')
    : a('application');

  const run = (v: DialogValues) => {
    let s: TopicStep;
    switch (dialog.kind) {
      case 'withdraw': s = { step: 'withdraw', reason: v.reason!.trim() }; break;
      case 'cancel': s = { step: 'cancel', reason: v.reason!.trim() }; break;
      case 'close': s = { step: 'close', note: v.note?.trim() || null }; break;
      case 'contract':
        s = {
          step: 'contract',
          data: {
            contractNumber: v.contractNumber!.trim(), contractDate: toIsoDate(v.contractDate!), startDate: toIsoDate(v.startDate!), endDate: toIsoDate(v.endDate!),
            milestones: (v.milestones ?? []).map((m) => ({ title: m.title!.trim(), deliverable: m.deliverable?.trim() || null, dueDate: toIsoDate(m.dueDate!) })),
          },
        };
        break;
      case 'report': s = { step: 'report', milestoneId: dialog.milestoneId, completedOn: toIsoDate(v.completedOn!), report: v.report!.trim() }; break;
      case 'extension': s = { step: 'extension', milestoneId: dialog.milestoneId, newDueDate: toIsoDate(v.newDueDate!), reason: v.reason!.trim() }; break;
      case 'decide': s = { step: 'decideExtension', extensionId: dialog.extensionId, grant: dialog.grant, note: v.note?.trim() || null }; break;
      case 'application': s = { step: 'application', appliedAt: v.appliedAt!.trim(), appliedSince: toIsoDate(v.appliedSince!), results: v.results?.trim() || null }; break;
    }
    step.mutate(s, { onSuccess: () => { onClose(); void message.success(a('done')); } });
  };

  const today = todayInProvince();
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={step.isPending} destroyOnHidden okButtonProps={{ ...({ 'data-testid': 'step-ok' } as Record<string, string>) }}>
      <ServerErrorAlert error={step.error} codeMessages={{ topic_state: t('topics.rules.state') }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={run}
        initialValues={{
          completedOn: today, contractDate: today, startDate: today, endDate: today.add(topic.durationMonths, 'month'), appliedSince: today,
          milestones: [{}], newDueDate: dialog.kind === 'extension' ? dayjs(dialog.dueDate).add(1, 'month') : undefined,
        }}
      >
        {dialog.kind === 'withdraw' || dialog.kind === 'cancel' || dialog.kind === 'extension' ? (
          <Form.Item name="reason" label={f('reason')} rules={[...text('reason'), { max: 1000 }]}><Input.TextArea rows={3} data-testid="step-reason" /></Form.Item>
        ) : null}
        {dialog.kind === 'extension' ? (
          <Form.Item name="newDueDate" label={f('newDueDate')} rules={required('newDueDate')}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
        ) : null}
        {dialog.kind === 'decide' || dialog.kind === 'close' ? (
          <Form.Item name="note" label={f('note')} rules={[{ max: 1000 }]}><Input.TextArea rows={2} /></Form.Item>
        ) : null}
        {dialog.kind === 'report' ? (
          <>
            <Form.Item name="completedOn" label={f('completedOn')} rules={required('completedOn')}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="report" label={f('report')} rules={[...text('report'), { max: 4000 }]}><Input.TextArea rows={3} data-testid="step-report" /></Form.Item>
          </>
        ) : null}
        {dialog.kind === 'application' ? (
          <>
            <Form.Item name="appliedAt" label={f('appliedAt')} rules={[...text('appliedAt'), { max: 500 }]}><Input data-testid="step-applied-at" /></Form.Item>
            <Form.Item name="appliedSince" label={f('appliedSince')} rules={required('appliedSince')}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="results" label={f('results')} rules={[{ max: 4000 }]}><Input.TextArea rows={3} /></Form.Item>
          </>
        ) : null}
        {dialog.kind === 'contract' ? (
          <>
            <Flex gap={8} wrap>
              <Form.Item name="contractNumber" label={f('contractNumber')} rules={[...text('contractNumber'), { max: 60 }]} style={{ flex: '1 1 160px' }}><Input data-testid="step-contract-number" /></Form.Item>
              <Form.Item name="contractDate" label={f('contractDate')} rules={required('contractDate')} style={{ flex: '1 1 160px' }}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
            </Flex>
            <Flex gap={8} wrap>
              <Form.Item name="startDate" label={f('startDate')} rules={required('startDate')} style={{ flex: '1 1 160px' }}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="endDate" label={f('endDate')} rules={required('endDate')} style={{ flex: '1 1 160px' }}><DatePicker format={DATE_FORMAT} style={{ width: '100%' }} /></Form.Item>
            </Flex>
            <Form.List name="milestones">
              {(fields, { add, remove }) => (
                <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                  <legend style={{ fontWeight: 600, fontSize: 14 }}>{f('milestones')}</legend>
                  {fields.map((field, n) => (
                    <Flex key={field.key} gap={8} wrap align="start">
                      <Form.Item name={[field.name, 'title']} rules={[...text('milestone'), { max: 300 }]} style={{ flex: '2 1 180px', marginBottom: 8 }}>
                        <Input aria-label={`${f('milestone')} ${n + 1}`} placeholder={f('milestone')} data-testid={`milestone-title-${n}`} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'dueDate']} rules={required('dueDate')} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                        <DatePicker aria-label={`${f('dueDate')} ${n + 1}`} format={DATE_FORMAT} style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'deliverable']} rules={[{ max: 500 }]} style={{ flex: '2 1 180px', marginBottom: 8 }}>
                        <Input aria-label={`${f('deliverable')} ${n + 1}`} placeholder={f('deliverable')} />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} disabled={fields.length <= 1} onClick={() => remove(field.name)} />
                    </Flex>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({})}>{a('addMilestone')}</Button>
                </fieldset>
              )}
            </Form.List>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

