import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { dayjs, todayInProvince } from '@/lib/format/date';
import { useSubmitReach, type CampaignDetail } from '../api/campaigns';

interface ReachFields {
  unitId?: string;
  period?: string;
  eventsHeld?: number;
  peopleReached?: number;
  womenReached?: number;
  note?: string;
}

const FIELDS = ['unitId', 'period', 'eventsHeld', 'peopleReached', 'womenReached', 'note'] as const;

/** The quarters ("2026-Q1") the campaign's period touches, up to the current one (reach is reported afterwards). */
export function quartersOf(startsOn: string, endsOn: string, today = todayInProvince()): string[] {
  const quarterOf = (d: dayjs.Dayjs) => ({ year: d.year(), quarter: Math.floor(d.month() / 3) + 1 });
  const end = dayjs(endsOn).isBefore(today) ? dayjs(endsOn) : today;
  const result: string[] = [];
  let { year, quarter } = quarterOf(dayjs(startsOn));
  const last = quarterOf(end);
  while (year < last.year || (year === last.year && quarter <= last.quarter)) {
    result.push(`${year}-Q${quarter}`);
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      year += 1;
    }
  }
  return result.reverse();
}

/**
 * A participating unit reports the campaign's reach for a quarter: events held, people reached and, of them,
 * women. Choosing a unit and quarter already reported loads its figures; saving again corrects them.
 */
export function ReachForm({ campaign, open, onClose }: { campaign: CampaignDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReachFields>();
  const submit = useSubmitReach();
  const leftover = useServerErrors(form, submit.error, FIELDS);
  const units = campaign.participants.filter((p) => campaign.reportableUnitIds.includes(p.unitId));
  const quarters = useMemo(() => quartersOf(campaign.startsOn, campaign.endsOn), [campaign.startsOn, campaign.endsOn]);
  const unitId = Form.useWatch('unitId', form);
  const period = Form.useWatch('period', form);

  useEffect(() => {
    if (!open) return;
    submit.reset();
    form.resetFields();
    form.setFieldsValue({ unitId: units.length === 1 ? units[0]!.unitId : undefined, period: quarters[0] });
    // on opening only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  useEffect(() => {
    const existing = campaign.reachReports.find((r) => r.unitId === unitId && r.period === period);
    form.setFieldsValue(
      existing
        ? { eventsHeld: existing.eventsHeld, peopleReached: existing.peopleReached, womenReached: existing.womenReached, note: existing.note ?? undefined }
        : { eventsHeld: undefined, peopleReached: undefined, womenReached: undefined, note: undefined },
    );
  }, [unitId, period, campaign.reachReports, form]);

  const quarterLabel = (code: string) => {
    const [year, q] = code.split('-Q');
    return t('trainingCampaigns.reach.quarterLabel', { quarter: q, year });
  };
  const label = (field: string) => t(`trainingCampaigns.reach.${field}`);
  const required = { required: true, message: t('form.required') };

  return (
    <Modal
      open={open}
      title={t('trainingCampaigns.reach.formTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submit.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'save-reach' } as Record<`data-${string}`, string>}
    >
      <Form<ReachFields>
        form={form}
        layout="vertical"
        data-testid="reach-form"
        onFinish={(v) =>
          submit.mutate(
            {
              campaignId: campaign.id,
              unitId: v.unitId!,
              period: v.period!,
              eventsHeld: v.eventsHeld ?? 0,
              peopleReached: v.peopleReached ?? 0,
              womenReached: v.womenReached ?? 0,
              note: v.note?.trim() || null,
            },
            {
              onSuccess: () => {
                void message.success(t('trainingCampaigns.reach.saved'));
                onClose();
              },
            },
          )
        }
      >
        <ServerErrorAlert
          error={submit.error}
          leftoverMessages={leftover}
          codeMessages={{
            not_participating: label('notParticipating'),
            period_outside_campaign: label('outsidePeriod'),
          }}
        />
        <Typography.Paragraph type="secondary">{label('resubmitHint')}</Typography.Paragraph>
        <Form.Item name="unitId" label={label('unit')} rules={[required]}>
          <Select options={units.map((u) => ({ value: u.unitId, label: u.name }))} />
        </Form.Item>
        <Form.Item name="period" label={label('period')} rules={[required]}>
          <Select options={quarters.map((q) => ({ value: q, label: quarterLabel(q) }))} />
        </Form.Item>
        <Form.Item name="eventsHeld" label={label('eventsHeld')} rules={[required]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="peopleReached" label={label('peopleReached')} rules={[required]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="womenReached"
          label={label('womenReached')}
          dependencies={['peopleReached']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, value?: number) =>
                value != null && value > (Number(getFieldValue('peopleReached')) || 0)
                  ? Promise.reject(new Error(label('womenAbove')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={label('note')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
