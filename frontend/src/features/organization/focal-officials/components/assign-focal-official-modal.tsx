import { Alert, App, DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { DATE_FORMAT } from '@/config/locale';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { isApiError } from '@/lib/api/problem';
import { dayjs, formatIsoDate, todayInProvince, toIsoDate } from '@/lib/format/date';
import { matchesSearch } from '@/lib/text/normalize';
import { useAssignFocalOfficial, type FocalAssignment } from '../api/focal-officials';
import { useOfficials } from '../../officials/api/officials';

interface AssignValues {
  officialId: string;
  startedOn: Dayjs;
}

const FIELDS = ['officialId', 'startedOn'] as const;
/** The business rules the server may refuse an assignment with (409), each explained in the UI language. */
const RULE_CODES = ['not_upper_level', 'official_not_in_unit', 'already_focal_official', 'starts_before_current'];

/** Chooses one of the unit's officials as its focal official from a date (today unless changed). */
export function AssignFocalOfficialModal({
  unitId,
  current,
  open,
  onClose,
}: {
  unitId: string;
  current: FocalAssignment | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const assign = useAssignFocalOfficial();
  const [idempotencyKey, settleKey] = useIdempotencyKey();
  const officials = useOfficials({ unitId, page: 1, pageSize: 200, sort: 'fullName' }, open);
  // A refused rule is explained by its code in the UI language, not by the server's (English) field messages.
  const ruleRefused = isApiError(assign.error, 409) && RULE_CODES.includes(assign.error.code ?? '');
  const leftover = useServerErrors(form, ruleRefused ? null : assign.error, FIELDS);
  const currentSince = current ? dayjs(current.startedOn) : undefined;
  const options = (officials.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.fullName} – ${o.position}`,
    // Already the focal official: choosing them again would change nothing.
    disabled: o.id === current?.officialId,
  }));
  const noOfficials = officials.isSuccess && options.length === 0;
  const label = (field: 'official' | 'startedOn') => t(`organization.focal.${field}`);

  const close = () => {
    assign.reset();
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('organization.focal.modalTitle')}
      okText={current ? t('organization.focal.change') : t('organization.focal.assign')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={assign.isPending}
      okButtonProps={{ disabled: noOfficials }}
      destroyOnHidden
    >
      <Form<AssignValues>
        form={form}
        layout="vertical"
        initialValues={{ startedOn: todayInProvince() }}
        disabled={assign.isPending}
        onFinish={(values) =>
          assign.mutate(
            { unitId, idempotencyKey, data: { officialId: values.officialId, startedOn: toIsoDate(values.startedOn) } },
            {
              onSettled: (_data, error) => settleKey(error ?? undefined),
              onSuccess: () => {
                void message.success(t('organization.focal.assigned'));
                close();
              },
            },
          )
        }
      >
        <ServerErrorAlert
          error={assign.error}
          leftoverMessages={leftover}
          codeMessages={Object.fromEntries(
            RULE_CODES.map((code) => [code, t(`organization.focal.errors.${code}`, { date: formatIsoDate(current?.startedOn) })]),
          )}
        />
        {current ? (
          <Alert
            type="info"
            showIcon
            title={t('organization.focal.replaceHint', { name: current.officialName })}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {noOfficials ? (
          <Alert type="warning" showIcon title={t('organization.focal.noOfficials')} style={{ marginBottom: 16 }} />
        ) : null}
        <Form.Item
          name="officialId"
          label={label('official')}
          rules={[{ required: true, message: t('form.required', { field: label('official').toLowerCase() }) }]}
        >
          <Select
            options={options}
            loading={officials.isPending}
            showSearch
            filterOption={(input, option) => matchesSearch(String(option?.label ?? ''), input)}
            data-testid="focal-official-select"
          />
        </Form.Item>
        <Form.Item
          name="startedOn"
          label={label('startedOn')}
          rules={[{ required: true, message: t('form.required', { field: label('startedOn').toLowerCase() }) }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            allowClear={false}
            // The new assignment cannot start before the current one.
            disabledDate={(date) => (currentSince ? date.isBefore(currentSince, 'day') : false)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
