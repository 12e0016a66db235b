import { Alert, Button, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import type { EntityFormProps } from '@/components/form/form-props';
import { DATE_FORMAT } from '@/config/locale';
import { dayjs, toIsoDate } from '@/lib/format/date';
import { useUnitTree } from '@/lib/scope/unit-tree';
import { matchesSearch } from '@/lib/text/normalize';
import { KINDS, type CreateInitiativeInput, type InitiativeDetail, type InitiativeKind } from '../api/initiatives';
import { checkShares } from '../shares';

interface AuthorFields {
  fullName: string;
  email?: string;
  position?: string;
  sharePercent?: number;
}

interface FormFields {
  unitId?: string;
  title: string;
  field: string;
  kind?: InitiativeKind;
  problem: string;
  currentState: string;
  solution: string;
  appliedAt: string;
  appliedSince?: dayjs.Dayjs;
  trialApplication: boolean;
  yearlyBenefit?: number;
  socialBenefit?: string;
  firstApplicationParticipants?: string;
  noveltyDeclared: boolean;
  authors: AuthorFields[];
}

export type InitiativeFormValues = CreateInitiativeInput;

const FIELDS = [
  'unitId', 'title', 'field', 'kind', 'problem', 'currentState', 'solution', 'appliedAt', 'appliedSince', 'trialApplication',
  'yearlyBenefit', 'socialBenefit', 'firstApplicationParticipants', 'noveltyDeclared', 'authors',
] as const;

export function initiativeToValues(i: InitiativeDetail): Partial<InitiativeFormValues> {
  return {
    unitId: i.unitId,
    title: i.title,
    field: i.field,
    kind: i.kind,
    problem: i.problem,
    currentState: i.currentState,
    solution: i.solution,
    appliedAt: i.appliedAt,
    appliedSince: i.appliedSince,
    trialApplication: i.trialApplication,
    yearlyBenefit: i.yearlyBenefit,
    socialBenefit: i.socialBenefit ?? null,
    firstApplicationParticipants: i.firstApplicationParticipants ?? null,
    noveltyDeclared: i.noveltyDeclared,
    authors: i.authors.map((a) => ({ fullName: a.fullName, email: a.email ?? null, position: a.position ?? null, sharePercent: a.sharePercent })),
  };
}

/** The running total of the authors' shares, green at exactly 100%. */
function SharesTotal({ shares }: { shares: (number | undefined)[] }) {
  const { t } = useTranslation();
  const check = checkShares(shares);
  return (
    <Alert
      role="status"
      data-testid="shares-total"
      type={check.ok ? 'success' : 'warning'}
      showIcon
      message={
        check.ok
          ? t('initiatives.shares.ok')
          : t('initiatives.shares.off', { total: check.total.toLocaleString('vi-VN'), missing: check.missing.toLocaleString('vi-VN') })
      }
    />
  );
}

/**
 * The application for recognition (đơn yêu cầu công nhận sáng kiến): the unit (a picker over the caller's scope), the
 * content, where and since when it is applied, the benefit, and the authors with their shares, whose total is
 * checked live. The API has the last word on every rule.
 */
export function InitiativeForm({ mode, initialValues, onSubmit, onCancel, onReload, submitting, error }: EntityFormProps<InitiativeFormValues>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormFields>();
  const leftover = useServerErrors(form, error, FIELDS);
  const tree = useUnitTree();
  const units = tree.data?.items ?? [];
  const authors = Form.useWatch('authors', form) ?? initialValues?.authors ?? [];
  const label = (field: string) => t(`initiatives.fields.${field}`);
  const required = { required: true, whitespace: true, message: t('form.required') };

  const initial: Partial<FormFields> = {
    unitId: initialValues?.unitId,
    title: initialValues?.title ?? '',
    field: initialValues?.field ?? '',
    kind: initialValues?.kind,
    problem: initialValues?.problem ?? '',
    currentState: initialValues?.currentState ?? '',
    solution: initialValues?.solution ?? '',
    appliedAt: initialValues?.appliedAt ?? '',
    appliedSince: initialValues?.appliedSince ? dayjs(initialValues.appliedSince) : undefined,
    trialApplication: initialValues?.trialApplication ?? false,
    yearlyBenefit: initialValues?.yearlyBenefit ?? undefined,
    socialBenefit: initialValues?.socialBenefit ?? undefined,
    firstApplicationParticipants: initialValues?.firstApplicationParticipants ?? undefined,
    noveltyDeclared: initialValues?.noveltyDeclared ?? false,
    authors: (initialValues?.authors ?? [{ fullName: '', sharePercent: 100 }]).map((a) => ({
      fullName: a.fullName ?? '',
      email: a.email ?? undefined,
      position: a.position ?? undefined,
      sharePercent: a.sharePercent ?? undefined,
    })),
  };

  return (
    <Form<FormFields>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={submitting}
      data-testid="initiative-form"
      onFinish={(v) =>
        onSubmit({
          unitId: v.unitId ?? initialValues?.unitId ?? '',
          title: v.title.trim(),
          field: v.field.trim(),
          kind: v.kind!,
          problem: v.problem.trim(),
          currentState: v.currentState.trim(),
          solution: v.solution.trim(),
          appliedAt: v.appliedAt.trim(),
          appliedSince: toIsoDate(v.appliedSince!),
          trialApplication: v.trialApplication ?? false,
          yearlyBenefit: v.yearlyBenefit ?? 0,
          socialBenefit: v.socialBenefit?.trim() || null,
          firstApplicationParticipants: v.firstApplicationParticipants?.trim() || null,
          noveltyDeclared: v.noveltyDeclared ?? false,
          authors: (v.authors ?? []).map((a) => ({
            fullName: a.fullName.trim(),
            email: a.email?.trim() || null,
            position: a.position?.trim() || null,
            sharePercent: a.sharePercent ?? 0,
          })),
        })
      }
    >
      <ServerErrorAlert
        error={error}
        leftoverMessages={leftover}
        onReload={onReload}
        codeMessages={{ shares_total: t('initiatives.rules.sharesTotal'), initiative_locked: t('initiatives.rules.locked') }}
      />
      <Form.Item name="unitId" label={label('unit')} rules={[{ required: true, message: t('form.required') }]}>
        <Select
          disabled={mode === 'edit'}
          data-testid="unit-select"
          showSearch={{ filterOption: (input, option) => matchesSearch(String(option?.label ?? ''), input) }}
          loading={tree.isPending}
          options={units.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
        />
      </Form.Item>
      <Form.Item name="title" label={label('title')} rules={[required, { max: 300 }]}>
        <Input />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="field" label={label('field')} rules={[required, { max: 200 }]} style={{ flex: '1 1 200px' }}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={label('kind')} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '1 1 200px' }}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`initiatives.kind.${k}`) }))} />
        </Form.Item>
      </Flex>
      <Form.Item name="problem" label={label('problem')} rules={[required, { max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="currentState" label={label('currentState')} rules={[required, { max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="solution" label={label('solution')} rules={[required, { max: 8000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="appliedAt" label={label('appliedAt')} rules={[required, { max: 500 }]} style={{ flex: '2 1 240px' }}>
          <Input />
        </Form.Item>
        <Form.Item name="appliedSince" label={label('appliedSince')} rules={[{ required: true, message: t('form.required') }]} style={{ flex: '1 1 150px' }}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="trialApplication" valuePropName="checked">
        <Checkbox>{label('trialApplication')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="yearlyBenefit"
        label={label('yearlyBenefit')}
        rules={[{ required: true, message: t('form.required') }, { type: 'number', min: 0, message: t('initiatives.validation.benefit') }]}
      >
        <InputNumber<number> min={0} step={1000} style={{ width: '100%', maxWidth: 280 }} addonAfter="VNĐ" />
      </Form.Item>
      <Form.Item name="socialBenefit" label={label('socialBenefit')} rules={[{ max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="firstApplicationParticipants" label={label('firstApplicationParticipants')} rules={[{ max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>

      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {label('authors')}
      </Typography.Title>
      <Form.List name="authors">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginBottom: 12 }}>
            {fields.map((f, index) => (
              <Card key={f.key} size="small" data-testid={`author-${index}`}>
                <Flex gap={8} wrap align="start">
                  <Form.Item name={[f.name, 'fullName']} label={label('authorName')} rules={[required, { max: 200 }]} style={{ flex: '2 1 200px', marginBottom: 8 }}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'position']} label={label('authorPosition')} rules={[{ max: 200 }]} style={{ flex: '1 1 160px', marginBottom: 8 }}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'email']} label={label('authorEmail')} rules={[{ type: 'email' }, { max: 256 }]} style={{ flex: '1 1 200px', marginBottom: 8 }}>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'sharePercent']}
                    label={label('share')}
                    rules={[{ required: true, message: t('form.required') }]}
                    style={{ flex: '0 1 120px', marginBottom: 8 }}
                  >
                    <InputNumber<number> min={0.01} max={100} step={1} precision={2} addonAfter="%" style={{ width: '100%' }} data-testid={`share-${index}`} />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button aria-label={t('initiatives.removeAuthor')} icon={<DeleteOutlined />} onClick={() => remove(f.name)} style={{ marginTop: 30 }} />
                  ) : null}
                </Flex>
              </Card>
            ))}
            <SharesTotal shares={authors.map((a) => a?.sharePercent ?? undefined)} />
            <Button icon={<PlusOutlined />} onClick={() => add({ fullName: '' })} data-testid="add-author" style={{ alignSelf: 'start' }}>
              {t('initiatives.addAuthor')}
            </Button>
          </Flex>
        )}
      </Form.List>

      <Form.Item name="noveltyDeclared" valuePropName="checked">
        <Checkbox data-testid="novelty">{label('noveltyDeclared')}</Checkbox>
      </Form.Item>
      <Flex gap={8} justify="end">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="save-initiative">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
