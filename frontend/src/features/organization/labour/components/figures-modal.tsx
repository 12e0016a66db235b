import { App, Checkbox, DatePicker, Flex, Form, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { DATE_FORMAT } from '@/config/locale';
import { dayjs, toIsoDate } from '@/lib/format/date';
import { usePutYearFigures, type YearFigures } from '../api/enterprises';
import { currentYear, FIRST_YEAR } from './labels';

interface FiguresFields {
  year: number;
  workforce: number;
  women: number;
  unionMembers: number;
  averageMonthlyIncome: number;
  cbaSigned: boolean;
  cbaSignedOn?: Dayjs | null;
  cbaExpiresOn?: Dayjs | null;
  disputes: number;
  stoppages: number;
  dialogues: number;
}

const FIELDS = ['year', 'workforce', 'women', 'unionMembers', 'averageMonthlyIncome', 'cbaSigned', 'cbaSignedOn', 'cbaExpiresOn', 'disputes', 'stoppages', 'dialogues'] as const;
const COUNTS = ['disputes', 'stoppages', 'dialogues'] as const;

/** Groups thousands the Vietnamese way in the income box (12.500.000) and reads it back. */
const groupDigits = (value: number | string | undefined) => (value === undefined || value === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
const ungroup = (text: string | undefined) => Number((text ?? '').replace(/[.,\s]/g, '')) || 0;

/**
 * Adds or edits one year's figures. The API's rules are mapped onto the fields (women and union members at most
 * the workforce, nothing negative, income in whole dong, agreement dates only when signed and the expiry after
 * the signing); whatever the API still refuses lands on its field.
 */
export function FiguresModal({
  enterpriseId,
  editing,
  takenYears,
  open,
  onClose,
}: {
  enterpriseId: string;
  /** The row being edited; none to add a year. */
  editing?: YearFigures;
  takenYears: number[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FiguresFields>();
  const put = usePutYearFigures();
  const leftover = useServerErrors(form, put.error, FIELDS);
  const signed = Form.useWatch('cbaSigned', form);
  const maxYear = currentYear() + 1;
  const rule = (key: string, values: Record<string, unknown> = {}) => t(`labour.figures.rules.${key}`, values);
  const label = (field: string) => t(`labour.figures.${field}`);
  const count = (field: string): Rule[] => [
    { required: true, message: t('form.required', { field: label(field).toLowerCase() }) },
    { type: 'number', min: 0, message: rule('notNegative') },
  ];
  const atMostWorkforce = (key: 'women' | 'unionMembers'): Rule => ({ getFieldValue }) => ({
    validator: (_, value: number | null) =>
      value == null || value <= (getFieldValue('workforce') ?? 0) ? Promise.resolve() : Promise.reject(new Error(rule(key))),
  });

  const initialValues: Partial<FiguresFields> = editing
    ? {
        ...editing,
        cbaSignedOn: editing.cbaSignedOn ? dayjs(editing.cbaSignedOn) : null,
        cbaExpiresOn: editing.cbaExpiresOn ? dayjs(editing.cbaExpiresOn) : null,
      }
    : { year: currentYear(), workforce: 0, women: 0, unionMembers: 0, averageMonthlyIncome: 0, cbaSigned: false, disputes: 0, stoppages: 0, dialogues: 0 };

  return (
    <Modal
      open={open}
      title={editing ? t('labour.figures.edit', { year: editing.year }) : t('labour.figures.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={put.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<FiguresFields>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        preserve={false}
        data-testid="figures-form"
        onFinish={(values) => {
          const { year, cbaSignedOn, cbaExpiresOn, ...rest } = values;
          put.mutate(
            {
              id: enterpriseId,
              year,
              data: {
                ...rest,
                cbaSigned: !!values.cbaSigned,
                cbaSignedOn: values.cbaSigned && cbaSignedOn ? toIsoDate(cbaSignedOn) : null,
                cbaExpiresOn: values.cbaSigned && cbaExpiresOn ? toIsoDate(cbaExpiresOn) : null,
              },
            },
            {
              onSuccess: () => {
                void message.success(t('labour.figures.saved', { year }));
                onClose();
              },
            },
          );
        }}
      >
        <ServerErrorAlert error={put.error} leftoverMessages={leftover} />
        <Flex gap={16} wrap>
          <Form.Item
            name="year"
            label={label('year')}
            style={{ flex: '0 0 120px' }}
            rules={[
              { required: true, type: 'number', min: FIRST_YEAR, max: maxYear, message: rule('year', { min: FIRST_YEAR, max: maxYear }) },
              {
                validator: (_, value: number) =>
                  editing || !takenYears.includes(value) ? Promise.resolve() : Promise.reject(new Error(rule('yearTaken', { year: value }))),
              },
            ]}
          >
            <InputNumber disabled={!!editing} min={FIRST_YEAR} max={maxYear} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="workforce" label={label('workforce')} rules={count('workforce')} style={{ flex: '1 1 140px' }}>
            <InputNumber precision={0} style={{ width: '100%' }} formatter={groupDigits} parser={ungroup} />
          </Form.Item>
          <Form.Item name="women" label={label('women')} dependencies={['workforce']} rules={[...count('women'), atMostWorkforce('women')]} style={{ flex: '1 1 140px' }}>
            <InputNumber precision={0} style={{ width: '100%' }} formatter={groupDigits} parser={ungroup} />
          </Form.Item>
          <Form.Item
            name="unionMembers"
            label={label('unionMembers')}
            dependencies={['workforce']}
            rules={[...count('unionMembers'), atMostWorkforce('unionMembers')]}
            style={{ flex: '1 1 140px' }}
          >
            <InputNumber precision={0} style={{ width: '100%' }} formatter={groupDigits} parser={ungroup} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="averageMonthlyIncome"
          label={label('averageMonthlyIncome')}
          rules={[...count('averageMonthlyIncome'), { validator: (_, v: number) => (Number.isInteger(v ?? 0) ? Promise.resolve() : Promise.reject(new Error(rule('wholeDong')))) }]}
        >
          <InputNumber precision={0} style={{ width: 240 }} formatter={groupDigits} parser={ungroup} suffix="₫" />
        </Form.Item>
        <Form.Item name="cbaSigned" valuePropName="checked">
          <Checkbox>{label('cbaSigned')}</Checkbox>
        </Form.Item>
        {signed ? (
          <Flex gap={16} wrap>
            <Form.Item
              name="cbaSignedOn"
              label={label('cbaSignedOn')}
              dependencies={['cbaExpiresOn']}
              style={{ flex: '1 1 200px' }}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | null) =>
                    value || !getFieldValue('cbaExpiresOn') ? Promise.resolve() : Promise.reject(new Error(rule('signedOnRequired'))),
                }),
              ]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="cbaExpiresOn"
              label={label('cbaExpiresOn')}
              dependencies={['cbaSignedOn']}
              style={{ flex: '1 1 200px' }}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | null) => {
                    const from = getFieldValue('cbaSignedOn') as Dayjs | null;
                    return !value || !from || value.isAfter(from, 'day') ? Promise.resolve() : Promise.reject(new Error(rule('expiry')));
                  },
                }),
              ]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
        ) : null}
        <Flex gap={16} wrap>
          {COUNTS.map((field) => (
            <Form.Item key={field} name={field} label={label(field)} rules={count(field)} style={{ flex: '1 1 140px' }}>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </Flex>
      </Form>
    </Modal>
  );
}
