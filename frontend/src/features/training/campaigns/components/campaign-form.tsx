import { Button, Checkbox, DatePicker, Flex, Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import type { EntityFormProps } from '@/components/form/form-props';
import { DATE_FORMAT } from '@/config/locale';
import { dayjs, toIsoDate } from '@/lib/format/date';
import { useUnitTree } from '@/lib/scope/unit-tree';
import { matchesSearch } from '@/lib/text/normalize';
import { AUDIENCES, CHANNELS, type CampaignAudience, type CampaignChannel, type CampaignDetail, type CreateCampaignInput } from '../api/campaigns';

interface FormFields {
  unitId?: string;
  title: string;
  goal?: string;
  startsOn?: dayjs.Dayjs;
  endsOn?: dayjs.Dayjs;
  channels: CampaignChannel[];
  audiences: CampaignAudience[];
  audienceNote?: string;
  participatingUnitIds: string[];
}

export type CampaignFormValues = CreateCampaignInput;

const FIELDS = ['unitId', 'title', 'goal', 'startsOn', 'endsOn', 'channels', 'audiences', 'audienceNote', 'participatingUnitIds'] as const;

export function campaignToValues(c: CampaignDetail): Partial<CampaignFormValues> {
  return {
    unitId: c.unitId,
    title: c.title,
    goal: c.goal ?? null,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    channels: c.channels,
    audiences: c.audiences,
    audienceNote: c.audienceNote ?? null,
    participatingUnitIds: c.participants.map((p) => p.unitId),
  };
}

/** The units below a unit (its subtree without itself), from the flat list of the caller's scope. */
function below(units: { id: string; parentId?: string | null }[], rootId: string | undefined): Set<string> {
  const ids = new Set<string>(rootId ? [rootId] : []);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units)
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
  }
  if (rootId) ids.delete(rootId);
  return ids;
}

/**
 * Create and edit share this form: the organising unit (fixed once created), title, goal, period, channels,
 * audiences and the units taking part (below the organiser, in the caller's scope). The API has the last word.
 */
export function CampaignForm({ mode, initialValues, onSubmit, onCancel, onReload, submitting, error }: EntityFormProps<CampaignFormValues>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormFields>();
  const leftover = useServerErrors(form, error, FIELDS);
  const tree = useUnitTree();
  const organiser = Form.useWatch('unitId', form) ?? initialValues?.unitId;
  const units = useMemo(() => tree.data?.items ?? [], [tree.data]);
  const participantOptions = useMemo(() => {
    const ids = below(units, organiser);
    return units.filter((u) => ids.has(u.id)).map((u) => ({ value: u.id, label: `${u.name} (${u.code})`, search: `${u.name} ${u.code}` }));
  }, [units, organiser]);
  const label = (field: string) => t(`trainingCampaigns.fields.${field}`);

  const initial: Partial<FormFields> = {
    unitId: initialValues?.unitId,
    title: initialValues?.title ?? '',
    goal: initialValues?.goal ?? undefined,
    startsOn: initialValues?.startsOn ? dayjs(initialValues.startsOn) : undefined,
    endsOn: initialValues?.endsOn ? dayjs(initialValues.endsOn) : undefined,
    channels: initialValues?.channels ?? [],
    audiences: initialValues?.audiences ?? [],
    audienceNote: initialValues?.audienceNote ?? undefined,
    participatingUnitIds: initialValues?.participatingUnitIds ?? [],
  };

  return (
    <Form<FormFields>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={submitting}
      data-testid="campaign-form"
      onFinish={(v) =>
        onSubmit({
          unitId: v.unitId ?? initialValues?.unitId ?? '',
          title: v.title.trim(),
          goal: v.goal?.trim() || null,
          startsOn: toIsoDate(v.startsOn!),
          endsOn: toIsoDate(v.endsOn!),
          channels: v.channels,
          audiences: v.audiences ?? [],
          audienceNote: v.audienceNote?.trim() || null,
          participatingUnitIds: v.participatingUnitIds ?? [],
        })
      }
    >
      <ServerErrorAlert
        error={error}
        leftoverMessages={leftover}
        onReload={onReload}
        codeMessages={{
          participant_has_reports: t('trainingCampaigns.rules.participantHasReports'),
          reports_outside_period: t('trainingCampaigns.rules.reportsOutsidePeriod'),
        }}
      />
      <Form.Item name="unitId" label={label('organiser')} rules={[{ required: true, message: t('form.required') }]}>
        <Select
          disabled={mode === 'edit'}
          showSearch={{ filterOption: (input, option) => matchesSearch(String(option?.label ?? ''), input) }}
          loading={tree.isPending}
          options={units.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
          onChange={() => form.setFieldValue('participatingUnitIds', [])}
        />
      </Form.Item>
      <Form.Item name="title" label={label('title')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 300 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="goal" label={label('goal')} rules={[{ max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="startsOn" label={label('startsOn')} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '1 1 150px' }}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={label('endsOn')}
          dependencies={['startsOn']}
          style={{ flex: '1 1 150px' }}
          rules={[
            { required: true, message: t('form.required') },
            ({ getFieldValue }) => ({
              validator: (_, value?: dayjs.Dayjs) => {
                const start = getFieldValue('startsOn') as dayjs.Dayjs | undefined;
                return value && start && value.isBefore(start, 'day')
                  ? Promise.reject(new Error(t('trainingCampaigns.validation.endsBeforeStart')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      {/* A validator, not `required`: AntD would put aria-required on the group's div, which axe refuses. */}
      <Form.Item
        name="channels"
        label={label('channels')}
        rules={[
          {
            validator: (_, value?: CampaignChannel[]) =>
              value?.length ? Promise.resolve() : Promise.reject(new Error(t('trainingCampaigns.validation.channels'))),
          },
        ]}
      >
        <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: t(`trainingCampaigns.channel.${c}`) }))} />
      </Form.Item>
      <Form.Item name="audiences" label={label('audiences')}>
        <Checkbox.Group options={AUDIENCES.map((a) => ({ value: a, label: t(`trainingCampaigns.audience.${a}`) }))} />
      </Form.Item>
      <Form.Item name="audienceNote" label={label('audienceNote')} rules={[{ max: 300 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="participatingUnitIds" label={label('participants')}>
        <Select
          mode="multiple"
          data-testid="participants-select"
          loading={tree.isPending}
          options={participantOptions}
          showSearch={{ filterOption: (input, option) => matchesSearch(String(option?.search ?? ''), input) }}
        />
      </Form.Item>
      <Flex gap={8} justify="end">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="save-campaign">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
