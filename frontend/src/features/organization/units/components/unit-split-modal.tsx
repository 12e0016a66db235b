import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { DATE_FORMAT } from '@/config/locale';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { dayjs, formatIsoDate, todayInProvince, toIsoDate } from '@/lib/format/date';
import { useUnitTree, type ScopeUnit } from '@/lib/scope/unit-tree';
import { UNIT_KINDS } from '../../shared/unit-kinds';
import { useUnitKindLabel } from '../../shared/unit-kind-label';
import type { UnitDetail } from '../api/units';
import { useChangeUnit, type SplitSuccessor } from '../api/unit-versions';
import { UNIT_CHANGE_RULES } from './unit-history-change-modal';
import { UnitHistoryUnitSelect } from './unit-history-unit-select';
import { SplitRecords, recordTargets, type RecordAssignment } from './unit-split-records';

interface SuccessorValues {
  mode: 'new' | 'existing';
  unitId?: string;
  code?: string;
  name?: string;
  kind?: string;
}

interface SplitValues {
  effectiveOn: Dayjs;
  successors: SuccessorValues[];
  /** Index of the successor that receives the unit's own records. */
  heir: number;
  /** Sub-unit id → index of the successor it goes to. */
  assign: Record<string, number | undefined>;
  /** The unit's own officials and enterprises given to a successor (index); the rest stay with the unit, under the heir. */
  records?: RecordAssignment;
}

const UPPER_LEVEL = new Set(['DistrictFederation', 'SectoralUnion', 'CivilServantsUnion', 'IndustrialZoneUnion']);

/**
 * Splits a unit between two or more successors — new units under the same parent or existing siblings — from an
 * effective day: every direct sub-unit is given to one successor with a picker, one successor receives the unit's
 * own records (officials, enterprises, plans, reports) except the officials and enterprises given to another successor, and a
 * confirmation says what will happen before anything is sent.
 */
export function UnitSplitModal({ open, unit, etag, since, onClose }: { open: boolean; unit: UnitDetail; etag: string; since?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<SplitValues>();
  const change = useChangeUnit();
  const [idempotencyKey, settleKey] = useIdempotencyKey();
  const tree = useUnitTree();
  const kindLabel = useUnitKindLabel();
  const label = (key: string, values: Record<string, unknown> = {}) => t(`organization.unitHistory.split.${key}`, values);
  const ruleMessages = Object.fromEntries(UNIT_CHANGE_RULES.map((code) => [code, t(`organization.unitHistory.errors.${code}`)]));
  const subUnits = useMemo(() => (tree.data?.items ?? []).filter((u) => u.parentId === unit.id), [tree.data, unit.id]);
  const successors = Form.useWatch('successors', form) ?? [];
  const assign = Form.useWatch('assign', form);
  const heir = Form.useWatch('heir', form);
  const upper = UPPER_LEVEL.has(unit.kind);
  const kinds = UNIT_KINDS.filter((k) => (upper ? UPPER_LEVEL.has(k) : k === 'Grassroots'));

  // A successor already in the hierarchy is an active sibling of the same level.
  const siblingDisabled = useCallback(
    (target: ScopeUnit) => target.parentId !== unit.parentId || UPPER_LEVEL.has(target.kind) !== upper,
    [unit.parentId, upper],
  );
  const nameOf = (s: SuccessorValues | undefined, index: number) => {
    const named = s?.mode === 'existing' ? tree.data?.items.find((u) => u.id === s.unitId)?.name : s?.name?.trim();
    return named ? named : label('successorN', { n: index + 1 });
  };

  const close = () => {
    change.reset();
    form.resetFields();
    onClose();
  };

  const submit = (values: SplitValues) => {
    const targets = recordTargets(values.records);
    const body: SplitSuccessor[] = values.successors.map((s, index) => ({
      ...(s.mode === 'existing' ? { unitId: s.unitId! } : { code: s.code!.trim(), name: s.name!.trim(), kind: s.kind as SplitSuccessor['kind'] }),
      subUnitIds: subUnits.filter((u) => values.assign?.[u.id] === index).map((u) => u.id),
      receivesRecords: values.heir === index,
      officialIds: targets.officials(index),
      enterpriseIds: targets.enterprises(index),
    }));
    const effectiveOn = toIsoDate(values.effectiveOn);
    modal.confirm({
      title: label('confirmTitle', { name: unit.name }),
      content: (
        <div data-testid="split-confirm">
          <p>{label('confirmText', { name: unit.name, date: formatIsoDate(effectiveOn) })}</p>
          <ul style={{ paddingInlineStart: 20 }}>
            {values.successors.map((s, index) => (
              <li key={index}>
                {nameOf(s, index)}
                {s.mode === 'new' ? ` (${label('newUnitShort')})` : ''}: {label('takes', { count: body[index]!.subUnitIds!.length })}
                {body[index]!.officialIds!.length + body[index]!.enterpriseIds!.length > 0
                  ? `; ${label('takesRecords', { officials: body[index]!.officialIds!.length, enterprises: body[index]!.enterpriseIds!.length })}`
                  : ''}
                {values.heir === index ? `; ${label('receivesRecordsShort')}` : ''}
              </li>
            ))}
          </ul>
          <p>{label('confirmIrreversible')}</p>
        </div>
      ),
      okText: t('organization.unitHistory.modal.confirm'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-unit-split' },
      cancelText: t('common.cancel'),
      onOk: () => {
        change
          .mutateAsync(
            { unitId: unit.id, etag, idempotencyKey, change: { kind: 'split', effectiveOn, successors: body } },
            {
              onSettled: (_data, err) => settleKey(err ?? undefined),
              onSuccess: () => {
                void message.success(label('done'));
                close();
              },
            },
          )
          .catch(() => undefined);
      },
    });
  };

  const sinceDay = since ? dayjs(since) : undefined;
  const required = (field: string) => [{ required: true, message: t('form.required', { field: field.toLowerCase() }) }];
  const successorOptions = successors.map((s, index) => ({ value: index, label: nameOf(s, index) }));

  return (
    <Modal
      open={open}
      title={label('title')}
      okText={t('organization.unitHistory.modal.save')}
      okButtonProps={{ danger: true, 'data-testid': 'save-unit-split' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={change.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<SplitValues>
        form={form}
        layout="vertical"
        initialValues={{ effectiveOn: todayInProvince(), heir: 0, successors: [{ mode: 'new', kind: kinds[0] }, { mode: 'existing' }], assign: {} }}
        disabled={change.isPending}
        onFinish={submit}
      >
        <ServerErrorAlert error={change.error} codeMessages={ruleMessages} />
        <Alert type="warning" showIcon title={label('hint', { name: unit.name })} style={{ marginBottom: 16 }} />
        <Form.Item name="effectiveOn" label={t('organization.unitHistory.modal.effectiveOn')} rules={required(t('organization.unitHistory.modal.effectiveOn'))}>
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            allowClear={false}
            disabledDate={(date) => (sinceDay ? date.isBefore(sinceDay, 'day') : false)}
            data-testid="split-effective-on"
          />
        </Form.Item>

        <Typography.Title level={5}>{label('successors')}</Typography.Title>
        <Form.List name="successors">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => {
                const mode = successors[index]?.mode ?? 'new';
                return (
                  <Card
                    key={field.key}
                    size="small"
                    style={{ marginBottom: 12 }}
                    data-testid={`split-successor-${index}`}
                    title={label('successorN', { n: index + 1 })}
                    extra={
                      fields.length > 2 ? (
                        <Button type="text" icon={<DeleteOutlined />} aria-label={label('remove', { n: index + 1 })} onClick={() => remove(field.name)} />
                      ) : null
                    }
                  >
                    <Form.Item name={[field.name, 'mode']} style={{ marginBottom: 12 }}>
                      <Radio.Group
                        options={[
                          { value: 'new', label: label('newUnit') },
                          { value: 'existing', label: label('existingUnit') },
                        ]}
                      />
                    </Form.Item>
                    {mode === 'existing' ? (
                      <Form.Item name={[field.name, 'unitId']} label={label('existingUnit')} rules={required(label('existingUnit'))}>
                        <UnitHistoryUnitSelect exclude={unit.id} isDisabled={siblingDisabled} data-testid={`split-existing-${index}`} />
                      </Form.Item>
                    ) : (
                      <>
                        <Form.Item name={[field.name, 'name']} label={t('organization.fields.name')} rules={[...required(t('organization.fields.name')), { max: 300 }]}>
                          <Input data-testid={`split-name-${index}`} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'code']}
                          label={t('organization.fields.code')}
                          rules={[
                            ...required(t('organization.fields.code')),
                            { max: 50 },
                            { pattern: /^[A-Za-z0-9_-]+$/, message: label('codePattern') },
                          ]}
                        >
                          <Input data-testid={`split-code-${index}`} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'kind']} label={t('organization.fields.kind')} rules={required(t('organization.fields.kind'))}>
                          <Select options={kinds.map((k) => ({ value: k, label: kindLabel(k) }))} />
                        </Form.Item>
                      </>
                    )}
                  </Card>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ mode: 'new', kind: kinds[0] })} block style={{ marginBottom: 16 }} data-testid="split-add-successor">
                {label('addSuccessor')}
              </Button>
            </>
          )}
        </Form.List>

        <Form.Item name="heir" label={label('receivesRecords')} extra={label('receivesRecordsHint')} rules={required(label('receivesRecords'))}>
          <Radio.Group data-testid="split-heir" options={successorOptions} />
        </Form.Item>

        <Typography.Title level={5}>{label('subUnits')}</Typography.Title>
        {subUnits.length === 0 ? (
          <Typography.Paragraph type="secondary">{label('noSubUnits')}</Typography.Paragraph>
        ) : (
          subUnits.map((sub) => (
            <Form.Item
              key={sub.id}
              name={['assign', sub.id]}
              label={`${sub.name} (${sub.code})`}
              rules={[{ required: true, message: label('assignRequired', { name: sub.name }) }]}
            >
              <Select placeholder={label('chooseSuccessor')} options={successorOptions} data-testid={`split-assign-${sub.code}`} />
            </Form.Item>
          ))
        )}

        {open ? <SplitRecords unit={unit} successorOptions={successorOptions} assign={assign} heir={heir} /> : null}
      </Form>
    </Modal>
  );
}
