import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, ServerErrorAlert } from '@/components/form/server-errors';
import { DATE_FORMAT } from '@/config/locale';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { ApiError } from '@/lib/api/problem';
import { dayjs, formatIsoDate, todayInProvince, toIsoDate } from '@/lib/format/date';
import { useUnitTree, type ScopeUnit } from '@/lib/scope/unit-tree';
import { unitQueryKey, type UnitDetail } from '../api/units';
import { useChangeUnit, type UnitChange, type UnitChangeKind } from '../api/unit-versions';
import { UnitHistoryUnitSelect } from './unit-history-unit-select';

interface ChangeValues {
  name?: string;
  parentId?: string;
  successorId?: string;
  effectiveOn: Dayjs;
}

const FIELDS = ['name', 'parentId', 'successorId', 'effectiveOn'] as const;
/** The business rules the server may refuse a structural change with, each explained in the UI language. */
export const UNIT_CHANGE_RULES = [
  'hierarchy_cycle',
  'unit_kind_placement',
  'invalid_successor',
  'unit_has_children',
  'unit_inactive',
  'effective_before_last_change',
  'root_unit',
  'unit_code_taken',
] as const;

const UPPER_LEVEL = new Set(['DistrictFederation', 'SectoralUnion', 'CivilServantsUnion', 'IndustrialZoneUnion']);

/** Mirrors the server's placement rule (domain.md §2), so impossible targets are greyed out before asking. */
function canSitUnder(kind: string, parentKind: string) {
  if (kind === 'Grassroots') return UPPER_LEVEL.has(parentKind);
  if (UPPER_LEVEL.has(kind)) return parentKind === 'ProvincialFederation';
  return false;
}

/**
 * One structural change of a unit (rename, move, merge, dissolve) from an effective day, today in Vietnam by
 * default. Merge and dissolve ask for confirmation; refusals land on the field they concern.
 */
export function UnitHistoryChangeModal({
  kind,
  unit,
  etag,
  since,
  onClose,
}: {
  /** The change to make; none when the modal is closed (a split has its own form). */
  kind: Exclude<UnitChangeKind, 'split'> | null;
  unit: UnitDetail;
  etag: string;
  /** The day of the unit's last change: an earlier effective day is refused. */
  since?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ChangeValues>();
  const change = useChangeUnit();
  const [idempotencyKey, settleKey] = useIdempotencyKey();
  const tree = useUnitTree();
  const [leftover, setLeftover] = useState<string[]>([]);
  const label = (key: string) => t(`organization.unitHistory.modal.${key}`);
  const ruleMessages = Object.fromEntries(UNIT_CHANGE_RULES.map((code) => [code, t(`organization.unitHistory.errors.${code}`)]));

  // A refused rule goes onto the field it concerns in the UI language (the server's field messages are English);
  // anything else (validation) is mapped as the server sent it.
  const error = change.error;
  useEffect(() => {
    if (!error) {
      setLeftover([]);
      return;
    }
    const code = error instanceof ApiError ? error.code : undefined;
    if (error instanceof ApiError && code && code in ruleMessages) {
      const fields = Object.keys(error.fieldErrors).filter((f) => (FIELDS as readonly string[]).includes(f));
      form.setFields(fields.map((name) => ({ name: name as keyof ChangeValues, errors: [ruleMessages[code]!] })));
      setLeftover([]);
    } else setLeftover(applyFieldErrors(form, error, FIELDS));
    // ruleMessages follows the language, which does not change while the modal is open
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error, form]);

  const close = () => {
    change.reset();
    form.resetFields();
    onClose();
  };

  const targetDisabled = useCallback(
    (target: ScopeUnit) =>
      kind === 'move'
        ? target.id === unit.parentId || !canSitUnder(unit.kind, target.kind)
        : // A unit merges into an active unit of the same level.
          UPPER_LEVEL.has(target.kind) !== UPPER_LEVEL.has(unit.kind) || target.kind === 'ProvincialFederation',
    [kind, unit.parentId, unit.kind],
  );

  const submit = (values: ChangeValues) => {
    if (!kind) return;
    const effectiveOn = toIsoDate(values.effectiveOn);
    const body: UnitChange =
      kind === 'rename'
        ? { kind, effectiveOn, name: values.name!.trim() }
        : kind === 'move'
          ? { kind, effectiveOn, parentId: values.parentId! }
          : kind === 'merge'
            ? { kind, effectiveOn, successorId: values.successorId! }
            : { kind, effectiveOn };
    const send = () =>
      change.mutateAsync(
        { unitId: unit.id, etag, idempotencyKey, change: body },
        {
          onSettled: (_data, err) => settleKey(err ?? undefined),
          onSuccess: () => {
            void message.success(t(`organization.unitHistory.modal.done.${kind}`));
            close();
          },
        },
      );
    if (kind === 'merge' || kind === 'dissolve') {
      const successor = tree.data?.items.find((u) => u.id === values.successorId)?.name ?? '';
      const date = formatIsoDate(effectiveOn);
      modal.confirm({
        title: t(`organization.unitHistory.modal.${kind === 'merge' ? 'confirmMergeTitle' : 'confirmDissolveTitle'}`, { name: unit.name }),
        content: t(`organization.unitHistory.modal.${kind === 'merge' ? 'confirmMergeText' : 'confirmDissolveText'}`, {
          name: unit.name,
          successor,
          date,
        }),
        okText: label('confirm'),
        okButtonProps: { danger: true, 'data-testid': 'confirm-unit-change' },
        cancelText: t('common.cancel'),
        // The confirmation closes at once; the outcome (or the refusal) shows in the form behind it.
        onOk: () => {
          send().catch(() => undefined);
        },
      });
    } else send().catch(() => undefined);
  };

  const sinceDay = since ? dayjs(since) : undefined;
  const required = (key: string) => [{ required: true, message: t('form.required', { field: label(key).toLowerCase() }) }];
  const reload = () => {
    change.reset();
    void queryClient.invalidateQueries({ queryKey: unitQueryKey(unit.id) });
    close();
  };

  return (
    <Modal
      open={kind !== null}
      title={kind ? label(kind) : undefined}
      okText={label('save')}
      okButtonProps={{ danger: kind === 'merge' || kind === 'dissolve', 'data-testid': 'save-unit-change' } }
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form<ChangeValues>
        form={form}
        layout="vertical"
        initialValues={{ effectiveOn: todayInProvince(), name: unit.name }}
        disabled={change.isPending}
        onFinish={submit}
      >
        <ServerErrorAlert error={error} leftoverMessages={leftover} codeMessages={ruleMessages} onReload={reload} />
        {kind === 'move' || kind === 'merge' || kind === 'dissolve' ? (
          <Alert
            type={kind === 'move' ? 'info' : 'warning'}
            showIcon
            title={t(`organization.unitHistory.modal.${kind}Hint`, { name: unit.name })}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {kind === 'rename' ? (
          <Form.Item name="name" label={label('newName')} rules={[...required('newName'), { max: 300 }]}>
            <Input data-testid="unit-new-name" />
          </Form.Item>
        ) : null}
        {kind === 'move' ? (
          <Form.Item name="parentId" label={label('newParent')} rules={required('newParent')}>
            <UnitHistoryUnitSelect exclude={unit.id} isDisabled={targetDisabled} data-testid="unit-new-parent" />
          </Form.Item>
        ) : null}
        {kind === 'merge' ? (
          <Form.Item name="successorId" label={label('successor')} rules={required('successor')}>
            <UnitHistoryUnitSelect exclude={unit.id} isDisabled={targetDisabled} data-testid="unit-successor" />
          </Form.Item>
        ) : null}
        <Form.Item name="effectiveOn" label={label('effectiveOn')} extra={label('effectiveHint')} rules={required('effectiveOn')}>
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            allowClear={false}
            disabledDate={(date) => (sinceDay ? date.isBefore(sinceDay, 'day') : false)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
