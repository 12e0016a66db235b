import { Button, Flex, Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { trimValues } from '@/components/form/trim-values';
import type { EntityFormProps } from '@/components/form/form-props';
import { ancestorIds, useUnitTree } from '@/lib/scope/unit-tree';
import { UnitTreeSelect } from '@/components/form/unit-tree-select';
import type { CreateEnterpriseInput, EnterpriseDetail, Ownership, Sector } from '../api/enterprises';
import { isValidTaxCode, OWNERSHIPS, SECTORS } from './labels';

export interface EnterpriseFormFields {
  unitId?: string;
  name: string;
  taxCode: string;
  ownership: Ownership;
  sector: Sector;
  district: string;
  industrialZone?: string | null;
  address?: string | null;
  grassrootsUnitId?: string | null;
}

export type EnterpriseFormValues = Omit<CreateEnterpriseInput, 'unitId'> & { unitId?: string };

const EDIT_FIELDS = ['name', 'taxCode', 'ownership', 'sector', 'district', 'industrialZone', 'address', 'grassrootsUnitId'] as const;
const CREATE_FIELDS = ['unitId', ...EDIT_FIELDS] as const;

export function enterpriseToFields(e: EnterpriseDetail): Partial<EnterpriseFormFields> {
  return {
    name: e.name,
    taxCode: e.taxCode,
    ownership: e.ownership,
    sector: e.sector,
    district: e.district,
    industrialZone: e.industrialZone ?? undefined,
    address: e.address ?? undefined,
    grassrootsUnitId: e.grassrootsUnitId ?? undefined,
  };
}

/**
 * Create and edit share this form. The tax code's format and check digit are checked here as the API does; a
 * taken tax code (409) and a grassroots union outside the keeping unit (422) come back from the API.
 */
export function EnterpriseForm({
  mode,
  initialValues,
  keepingUnitId,
  onSubmit,
  onCancel,
  onReload,
  submitting,
  error,
}: EntityFormProps<EnterpriseFormValues, EnterpriseFormFields> & { keepingUnitId?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EnterpriseFormFields>();
  const leftover = useServerErrors(form, error, mode === 'create' ? CREATE_FIELDS : EDIT_FIELDS);
  const tree = useUnitTree();
  const chosenUnit = Form.useWatch('unitId', form) ?? keepingUnitId;
  const label = (field: string) => t(`labour.fields.${field}`);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field: label(field).toLowerCase() }) });

  // The grassroots unions the keeping unit covers (the API refuses others with 422).
  const grassroots = useMemo(() => {
    const units = tree.data?.items ?? [];
    if (!chosenUnit) return [];
    return units
      .filter((u) => u.kind === 'Grassroots' && ancestorIds(units, u.id).includes(chosenUnit))
      .map((u) => ({ value: u.id, label: u.name }));
  }, [tree.data, chosenUnit]);

  return (
    <Form<EnterpriseFormFields>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={(changed) => {
        if ('unitId' in changed) form.setFieldValue('grassrootsUnitId', undefined);
      }}
      onFinish={(values) => {
        const trimmed = trimValues(values);
        onSubmit({
          ...trimmed,
          name: trimmed.name,
          taxCode: trimmed.taxCode.replace(/\s/g, ''),
          district: trimmed.district,
          industrialZone: trimmed.industrialZone ?? null,
          address: trimmed.address ?? null,
          grassrootsUnitId: values.grassrootsUnitId ?? null,
          ...(mode === 'create' ? { unitId: values.unitId } : {}),
        });
      }}
      disabled={submitting}
      style={{ maxWidth: 720 }}
      scrollToFirstError
    >
      <ServerErrorAlert error={error} leftoverMessages={leftover} onReload={onReload} />
      {mode === 'create' ? (
        <Form.Item name="unitId" label={label('unit')} rules={[required('unit')]} extra={t('labour.hints.unit')}>
          <UnitTreeSelect />
        </Form.Item>
      ) : null}
      <Form.Item name="name" label={label('name')} rules={[required('name')]}>
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="taxCode"
        label={label('taxCode')}
        extra={t('labour.hints.taxCode')}
        rules={[
          required('taxCode'),
          {
            validator: (_, value: string | undefined) =>
              !value || isValidTaxCode(value) ? Promise.resolve() : Promise.reject(new Error(t('labour.taxCodeInvalid'))),
          },
        ]}
      >
        <Input maxLength={14} autoComplete="off" inputMode="numeric" style={{ maxWidth: 240 }} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="ownership" label={label('ownership')} rules={[{ required: true, message: t('form.required', { field: label('ownership').toLowerCase() }) }]} style={{ flex: '1 1 200px' }}>
          <Select options={OWNERSHIPS.map((o) => ({ value: o, label: t(`labour.ownership.${o}`) }))} />
        </Form.Item>
        <Form.Item name="sector" label={label('sector')} rules={[{ required: true, message: t('form.required', { field: label('sector').toLowerCase() }) }]} style={{ flex: '1 1 200px' }}>
          <Select options={SECTORS.map((s) => ({ value: s, label: t(`labour.sector.${s}`) }))} />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item name="district" label={label('district')} rules={[required('district')]} style={{ flex: '1 1 200px' }}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="industrialZone" label={label('industrialZone')} extra={t('labour.hints.zone')} style={{ flex: '1 1 200px' }}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Flex>
      <Form.Item name="address" label={label('address')}>
        <Input maxLength={500} autoComplete="off" />
      </Form.Item>
      <Form.Item name="grassrootsUnitId" label={label('grassrootsUnit')} extra={t('labour.hints.grassrootsUnit')}>
        <Select allowClear showSearch optionFilterProp="label" options={grassroots} disabled={!chosenUnit} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {mode === 'create' ? t('common.create') : t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
