import '../strings';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { FormPage } from '@/components/page/form-page';
import { OfficialPicker } from '../../councils/components/official-picker';
import { useRecognisedInitiatives } from '../../emulation/api/emulation';
import { UnitSelect } from '../../emulation/components/unit-select';
import { useCatalogue, useCreateProposal, useEligibility, type EligibilityInput } from '../api/commendations';
import { EligibilitySummary, NomineeRules } from '../components/eligibility-panel';
import { commendationPaths } from '../paths';

type Nominee = { kind?: 'person' | 'unit'; officialId?: string; unitId?: string; initiativeId?: string };
type Values = { unitId?: string; year: number; formCode?: string; achievements: string; nominees?: Nominee[] };

/**
 * A unit proposes people (picked among officials) or collectives (picked from the unit tree) for a form of the
 * catalogue; the eligibility panel runs the form's rules live as the choices change.
 */
export function ProposalFormRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateProposal();
  const submit = useCreateSubmit(create, (r) => commendationPaths.proposal(r.id));
  const f = (k: string) => t(`commendations.fields.${k}`);
  const required = [{ required: true, message: t('form.required') }];
  const year = Form.useWatch('year', form) ?? new Date().getFullYear();
  const unitId = Form.useWatch('unitId', form);
  const formCode = Form.useWatch('formCode', form);
  const nominees = (Form.useWatch('nominees', form) ?? []).filter((n) => n?.officialId || n?.unitId);
  const catalogue = useCatalogue(year);
  const chosen = catalogue.data?.forms.find((x) => x.code === formCode);
  const initiatives = useRecognisedInitiatives(unitId);
  const input: EligibilityInput | undefined =
    unitId && formCode && nominees.length > 0
      ? { unitId, year, formCode, nominees: nominees.map((n) => ({ officialId: n.officialId ?? null, unitId: n.unitId ?? null })) }
      : undefined;
  const eligibility = useEligibility(input);
  const onFinish = (v: Values) =>
    submit({
      unitId: v.unitId!, year: v.year, formCode: v.formCode!, achievements: v.achievements.trim(),
      nominees: (v.nominees ?? []).filter((n) => n.officialId || n.unitId).map((n) => ({
        officialId: n.officialId ?? null, unitId: n.unitId ?? null, initiativeId: n.initiativeId ?? null,
      })),
    });
  const allowsPeople = chosen?.target !== 'Collective';
  const allowsUnits = chosen?.target !== 'Individual';

  return (
    <FormPage title={t('commendations.newProposal')}>
      <Flex gap={24} wrap align="start">
        <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ year: new Date().getFullYear(), nominees: [] }} style={{ flex: '1 1 480px', maxWidth: 760 }}>
          <ServerErrorAlert error={create.error} />
          <Flex gap={16} wrap>
            <Form.Item name="unitId" label={f('unit')} rules={required} style={{ flex: '1 1 320px' }}>
              <UnitSelect ariaLabel={f('unit')} testId="proposal-unit" />
            </Form.Item>
            <Form.Item name="year" label={f('year')} rules={required}>
              <InputNumber min={2000} max={2100} data-testid="proposal-year" />
            </Form.Item>
          </Flex>
          <Form.Item name="formCode" label={f('form')} rules={required} extra={chosen ? `${chosen.decidedBy} · ${chosen.prizeBasis}` : undefined}>
            <Select
              aria-label={f('form')}
              data-testid="proposal-form"
              loading={catalogue.isLoading}
              options={(catalogue.data?.forms ?? []).map((x) => ({ value: x.code, label: x.name }))}
            />
          </Form.Item>
          <Form.Item name="achievements" label={f('achievements')} rules={required}>
            <Input.TextArea rows={4} maxLength={8000} data-testid="proposal-achievements" />
          </Form.Item>
          <Form.List name="nominees">
            {(fields, { add, remove }) => (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontWeight: 600, fontSize: 14 }}>{f('nominees')}</legend>
                {fields.map((field, n) => {
                  const isUnit = form.getFieldValue(['nominees', field.name, 'kind']) === 'unit';
                  return (
                    <Flex key={field.key} gap={8} wrap align="start">
                      {isUnit ? (
                        <Form.Item name={[field.name, 'unitId']} rules={required} style={{ flex: '2 1 260px' }}>
                          <UnitSelect ariaLabel={`${f('collective')} ${n + 1}`} testId={`nominee-unit-${n}`} />
                        </Form.Item>
                      ) : (
                        <Form.Item name={[field.name, 'officialId']} rules={required} style={{ flex: '2 1 260px' }}>
                          <OfficialPicker
                            ariaLabel={`${f('person')} ${n + 1}`}
                            testId={`nominee-person-${n}`}
                            onPick={(o) => form.setFieldValue(['nominees', field.name, 'officialId'], o?.id)}
                          />
                        </Form.Item>
                      )}
                      {!isUnit && (
                        <Form.Item name={[field.name, 'initiativeId']} style={{ flex: '1 1 200px' }}>
                          <Select
                            allowClear
                            aria-label={`${f('initiative')} ${n + 1}`}
                            placeholder={f('initiative')}
                            options={(initiatives.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
                          />
                        </Form.Item>
                      )}
                      <Button icon={<DeleteOutlined />} aria-label={t('commendations.remove')} onClick={() => remove(field.name)} />
                    </Flex>
                  );
                })}
                <Flex gap={8}>
                  {allowsPeople && (
                    <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'person' })} data-testid="add-person">
                      {t('commendations.addPerson')}
                    </Button>
                  )}
                  {allowsUnits && (
                    <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'unit' })} data-testid="add-unit">
                      {t('commendations.addUnit')}
                    </Button>
                  )}
                </Flex>
              </fieldset>
            )}
          </Form.List>
          <Flex gap={8} style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="save-proposal">
              {t('commendations.save')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          </Flex>
        </Form>
        <Card title={t('commendations.eligibility')} style={{ flex: '1 1 380px' }} aria-live="polite" data-testid="eligibility-panel">
          {!eligibility.data && !eligibility.error && <Typography.Text type="secondary">{t('commendations.eligibilityHint')}</Typography.Text>}
          <ServerErrorAlert error={eligibility.error} />
          {eligibility.data && (
            <>
              <Typography.Paragraph type="secondary">
                {t('commendations.ruleSet')}: {eligibility.data.ruleSetBasis}
              </Typography.Paragraph>
              <EligibilitySummary eligible={eligibility.data.allEligible} />
              {eligibility.data.nominees.map((n, i) => (
                <NomineeRules key={`${n.officialId ?? n.unitId}`} name={n.name} rules={n.rules} index={i} />
              ))}
            </>
          )}
        </Card>
      </Flex>
    </FormPage>
  );
}

export { ProposalFormRoute as Component };
