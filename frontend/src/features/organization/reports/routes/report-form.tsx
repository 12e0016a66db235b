import '../strings';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Modal, Switch, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { CheckOutlined, DatabaseOutlined, FileWordOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { ApiError } from '@/lib/api/problem';
import { formatDateTime, formatIsoDate } from '@/lib/format/date';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import {
  useReportStep,
  useSaveUnitReport,
  useUnitReport,
  type ReportValue,
  type ReportValueInput,
  type ReportView,
} from '../api/unit-report';
import { downloadUnitReport } from '../api/unit-report-docx';
import type { DocxOptions } from '../api/synthesis';
import { DocxModal } from '../components/docx-modal';
import { DeadlineHint, LateTag, ReportStateTag } from '../components/report-state';
import { formatNumber, numberInputFormat } from '../format';
import { reportPaths } from '../paths';

/** The form's values: one entry per indicator code. */
type Fields = { v: Record<string, number | string | null | undefined> };

const fieldsOf = (report: ReportView): Fields => ({
  v: Object.fromEntries(report.values.map((v) => [v.code, v.kind === 'Text' ? (v.text ?? '') : (v.number ?? null)])),
});

/** The body of a save: every indicator in template order, so `values[i]` in a 400 names the i-th indicator. */
function inputsOf(report: ReportView, fields: Fields): ReportValueInput[] {
  return report.values.map((v) => {
    const raw = fields.v?.[v.code];
    if (v.kind !== 'Text') return { code: v.code, number: typeof raw === 'number' ? raw : null };
    const text = typeof raw === 'string' ? raw.trim() : '';
    return { code: v.code, text: text || null };
  });
}

/** Indicators grouped under their section headings, in template order. */
function bySection(values: readonly ReportValue[]) {
  const sections = new Map<string, ReportValue[]>();
  for (const v of values) sections.set(v.section, [...(sections.get(v.section) ?? []), v]);
  return [...sections.entries()];
}

/**
 * Puts the API's messages on the indicators: `values[i].number|text|code` from a 400, or the indicator codes of a
 * 409 `report_incomplete` (the client lower-cases the first letter of keys, so codes are matched without case).
 * Returns what matched no indicator.
 */
function applyReportErrors(form: FormInstance<Fields>, report: ReportView, error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const leftover: string[] = [];
  const fields: { name: ['v', string]; errors: string[] }[] = [];
  for (const [key, messages] of Object.entries(error.fieldErrors)) {
    const indexed = /^values\[(\d+)\]/.exec(key);
    const indicator = indexed
      ? report.values[Number(indexed[1])]
      : report.values.find((v) => v.code.toLowerCase() === key.toLowerCase());
    if (indicator) fields.push({ name: ['v', indicator.code], errors: messages });
    else leftover.push(...messages);
  }
  form.setFields(fields);
  return leftover;
}

/** Where a pre-filled value comes from (the system's register named by its source), shown under the field. */
function SourceNote({ value }: { value: ReportValue }) {
  const { t } = useTranslation();
  if (!value.source) return null;
  return (
    <Tooltip title={value.sourceDescription ?? undefined}>
      <Tag icon={<DatabaseOutlined />} color="blue" style={{ whiteSpace: 'normal', marginInlineEnd: 0 }} data-testid={`source-${value.code}`}>
        {t('reports.form.prefilled')}
        {value.sourceDescription ? `: ${value.sourceDescription}` : ''}
      </Tag>
    </Tooltip>
  );
}

/** "Suggested X — use it": when the figure in the field is not what the system knows. */
function SuggestedHint({ value, disabled, text }: { value: ReportValue; disabled: boolean; text: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Fields>();
  return (
    <Flex gap={4} align="center" wrap data-testid={`suggested-${value.code}`}>
      <span>{text}</span>
      {disabled ? null : (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto' }}
          onClick={() => form.setFields([{ name: ['v', value.code], value: value.suggested, errors: [], touched: true }])}
          aria-label={t('reports.form.useSuggestedFor', { name: value.name })}
        >
          {t('reports.form.useSuggested')}
        </Button>
      )}
    </Flex>
  );
}

/** A yes/no question: a switch (kept as 1/0, so a subtree's total counts the units answering yes). */
function YesNoIndicator({ value, disabled }: { value: ReportValue; disabled: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Fields>();
  const current = Form.useWatch(['v', value.code], form);
  const differs = value.suggested != null && current !== undefined && current !== value.suggested;
  const word = (n: number | null | undefined) => (n === 1 ? t('reports.form.yes') : t('reports.form.no'));
  return (
    <Form.Item
      name={['v', value.code]}
      label={value.name}
      valuePropName="checked"
      getValueProps={(v: unknown) => ({ checked: v === 1 })}
      getValueFromEvent={(checked: boolean) => (checked ? 1 : 0)}
      extra={
        <Flex vertical gap={4} align="flex-start">
          <SourceNote value={value} />
          {differs ? <SuggestedHint value={value} disabled={disabled} text={t('reports.form.suggested', { value: word(value.suggested) })} /> : null}
        </Flex>
      }
    >
      <Switch
        checkedChildren={t('reports.form.yes')}
        unCheckedChildren={t('reports.form.no')}
        disabled={disabled}
        data-testid={`yesno-${value.code}`}
        aria-label={value.name}
      />
    </Form.Item>
  );
}

function NumberIndicator({ value, disabled }: { value: ReportValue; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<Fields>();
  const current = Form.useWatch(['v', value.code], form);
  const { formatter, parser } = numberInputFormat(i18n.language);
  // Undefined until the report's values reach the form (set in an effect): no hint flashing on load. A cleared
  // field is null and shows the hint.
  const differs = value.suggested != null && current !== undefined && current !== value.suggested;
  return (
    <Form.Item
      name={['v', value.code]}
      label={value.name}
      extra={
        value.source || differs ? (
          <Flex vertical gap={4} align="flex-start">
            <SourceNote value={value} />
            {differs ? (
              <SuggestedHint
                value={value}
                disabled={disabled}
                text={t('reports.form.suggested', { value: formatNumber(value.suggested, i18n.language) })}
              />
            ) : null}
          </Flex>
        ) : undefined
      }
    >
      <InputNumber<number>
        min={0}
        max={1_000_000_000_000_000}
        formatter={formatter}
        parser={(text) => {
          const parsed = parser(text);
          return parsed === '' ? (undefined as unknown as number) : Number(parsed);
        }}
        suffix={value.measure ?? undefined}
        style={{ width: '100%', maxWidth: 320 }}
        data-testid={`number-${value.code}`}
        disabled={disabled}
      />
    </Form.Item>
  );
}

function TextIndicator({ value, disabled }: { value: ReportValue; disabled: boolean }) {
  return (
    <Form.Item name={['v', value.code]} label={value.name}>
      <Input.TextArea
        maxLength={8000}
        autoSize={{ minRows: 2, maxRows: 10 }}
        data-testid={`text-${value.code}`}
        disabled={disabled}
      />
    </Form.Item>
  );
}

/** The reviewer's comment: required to return a report, optional to accept it. */
function ReviewModal({
  kind,
  onCancel,
  onDone,
  reportId,
}: {
  kind: 'return' | 'accept' | null;
  reportId: string;
  onCancel: () => void;
  onDone: (kind: 'return' | 'accept') => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment?: string }>();
  const step = useReportStep();
  // Leave nothing behind for the next opening (the form instance outlives the modal's content).
  const close = () => {
    form.resetFields();
    step.reset();
  };
  const title = kind === 'return' ? t('reports.review.returnTitle') : t('reports.review.acceptTitle');
  return (
    <Modal
      open={kind !== null}
      title={title}
      onCancel={() => {
        close();
        onCancel();
      }}
      okText={kind === 'return' ? t('reports.review.return') : t('reports.review.accept')}
      okButtonProps={{ danger: kind === 'return', loading: step.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ comment }) => {
          if (!kind) return;
          const text = comment?.trim() ?? '';
          step.mutate(
            kind === 'return' ? { step: 'return', reportId, comment: text } : { step: 'accept', reportId, comment: text || undefined },
            {
              onSuccess: () => {
                close();
                onDone(kind);
              },
            },
          );
        }}
      >
        {step.error ? (
          <ServerErrorAlert
            error={step.error}
            leftoverMessages={step.error instanceof ApiError ? Object.values(step.error.fieldErrors).flat() : []}
          />
        ) : null}
        <Form.Item
          name="comment"
          label={kind === 'return' ? t('reports.review.commentRequired') : t('reports.review.commentOptional')}
          rules={kind === 'return' ? [{ required: true, whitespace: true, message: t('reports.review.commentMissing') }] : []}
        >
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} showCount data-testid="review-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * A unit's annual report for a period: the indicators grouped by section, numbers pre-filled from what the system
 * knows (with a hint when the saved figure differs from it), save as draft, submit, and, for a unit above, return
 * with a comment or accept.
 */
export function ReportFormRoute() {
  const { t } = useTranslation();
  const { periodId = '', unitId = '' } = useParams();
  const { message, modal } = App.useApp();
  const scoped = useScopedPath();
  const query = useUnitReport(periodId, unitId);
  const save = useSaveUnitReport();
  const step = useReportStep();
  const [form] = Form.useForm<Fields>();
  const [leftover, setLeftover] = useState<string[]>([]);
  const [review, setReview] = useState<'return' | 'accept' | null>(null);
  const [docxOpen, setDocxOpen] = useState(false);
  const [printing, setPrinting] = useState(false);

  const report = query.data?.report;
  const etag = query.data?.etag;
  const sections = useMemo(() => (report ? bySection(report.values) : []), [report]);

  // Whenever the server's version changes (loaded, saved, reloaded after a conflict), show it.
  useEffect(() => {
    if (report) form.setFieldsValue(fieldsOf(report));
  }, [report, form]);

  useEffect(() => {
    if (report) document.title = `${t('reports.form.title', { year: report.year })} · ${report.unit.name} · ${t('app.name')}`;
  }, [report, t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError || !report) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const readOnly = !report.canEdit;
  const busy = save.isPending || step.isPending;
  const error = save.error ?? step.error;

  const showError = (e: unknown) => setLeftover(applyReportErrors(form, report, e));

  const saveDraft = async (): Promise<ReportView | null> => {
    setLeftover([]);
    step.reset();
    try {
      const saved = await save.mutateAsync({ periodId, unitId, etag, values: inputsOf(report, form.getFieldsValue(true)) });
      return saved.report;
    } catch (e) {
      showError(e);
      return null;
    }
  };

  const onSave = async () => {
    if (await saveDraft()) void message.success(t('reports.form.saved'));
  };

  const onSubmit = () =>
    modal.confirm({
      title: t('reports.form.submitConfirmTitle'),
      content: t('reports.form.submitConfirmText'),
      okText: t('reports.form.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const saved = await saveDraft();
        if (!saved?.id) return;
        try {
          await step.mutateAsync({ step: 'submit', reportId: saved.id });
          void message.success(t('reports.form.submitted'));
        } catch (e) {
          showError(e);
        }
      },
    });

  const onReload = () => {
    save.reset();
    step.reset();
    setLeftover([]);
    void query.refetch();
  };

  const canSubmit = !readOnly && (report.state === 'NotStarted' || report.state === 'Draft' || report.state === 'Returned');
  const printable = report.state === 'Submitted' || report.state === 'Accepted';

  const onPrint = async (options: DocxOptions) => {
    setPrinting(true);
    try {
      await downloadUnitReport({ periodId, unitId, year: report.year, options });
      setDocxOpen(false);
    } catch {
      void message.error(t('reports.form.printFailed'));
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
            {t('reports.form.title', { year: report.year })} · {report.unit.name}
          </Typography.Title>
        }
        extra={
          <Flex gap={8} wrap align="center">
            {printable ? (
              <Button icon={<FileWordOutlined />} onClick={() => setDocxOpen(true)} data-testid="print-report">
                {t('reports.form.print')}
              </Button>
            ) : null}
            <Link to={scoped(reportPaths.synthesis(report.periodId))}>{t('reports.synthesisLink')}</Link>
          </Flex>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="report-header">
          <Descriptions.Item label={t('reports.fields.unit')}>{report.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('reports.fields.year')}>{report.year}</Descriptions.Item>
          <Descriptions.Item label={t('reports.fields.period')} span={{ xs: 1, md: 2 }}>
            {report.periodTitle}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.fields.deadline')}>
            <Flex gap={8} wrap align="center">
              {formatIsoDate(report.deadline)}
              {report.state === 'NotStarted' || report.state === 'Draft' ? <DeadlineHint deadline={report.deadline} /> : null}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.fields.state')}>
            <Flex gap={4} wrap>
              <ReportStateTag state={report.state} />
              {report.late ? <LateTag /> : null}
            </Flex>
          </Descriptions.Item>
          {report.submittedAt ? (
            <Descriptions.Item label={t('reports.fields.submittedAt')} span={{ xs: 1, md: 2 }}>
              {formatDateTime(report.submittedAt)}
              {report.submittedBy ? ` · ${report.submittedBy}` : ''}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      {report.state === 'Returned' ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="returned-comment"
          title={t('reports.form.returnedTitle')}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{report.reviewComment}</div>
              {report.reviewedBy ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {report.reviewedBy} · {formatDateTime(report.reviewedAt)}
                </Typography.Text>
              ) : null}
            </>
          }
        />
      ) : null}
      {report.state === 'Accepted' ? (
        <Alert
          type="success"
          showIcon
          title={t('reports.form.acceptedTitle')}
          description={report.reviewComment || undefined}
        />
      ) : null}
      {readOnly && report.state !== 'Accepted' && report.state !== 'Submitted' ? (
        <Alert type="info" showIcon title={t('reports.form.readOnly')} />
      ) : null}
      {report.state === 'Submitted' && !report.canReview ? (
        <Alert type="info" showIcon title={t('reports.form.awaitingReview')} />
      ) : null}

      <Form<Fields> form={form} layout="vertical" disabled={readOnly || busy} onFinish={() => undefined} scrollToFirstError>
        <Flex vertical gap={16}>
          {error ? <ServerErrorAlert error={error} leftoverMessages={leftover} onReload={onReload} codeMessages={{ report_incomplete: t('reports.form.incomplete') }} /> : null}
          {sections.map(([section, values]) => (
            <Card
              key={section}
              size="small"
              title={
                <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                  {section}
                </Typography.Title>
              }
            >
              <div className="report-grid" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', columnGap: 24 }}>
                {values.map((v) =>
                  v.kind === 'YesNo' ? (
                    <YesNoIndicator key={v.code} value={v} disabled={readOnly} />
                  ) : v.kind === 'Number' ? (
                    <NumberIndicator key={v.code} value={v} disabled={readOnly} />
                  ) : (
                    <div key={v.code} style={{ gridColumn: '1 / -1' }}>
                      <TextIndicator value={v} disabled={readOnly} />
                    </div>
                  ),
                )}
              </div>
            </Card>
          ))}
        </Flex>
      </Form>

      {!readOnly || report.canReview ? (
        <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
          <Flex gap={8} wrap>
            {!readOnly ? (
              <Button icon={<SaveOutlined />} onClick={() => void onSave()} loading={save.isPending && !step.isPending} data-testid="save-draft">
                {t('reports.form.saveDraft')}
              </Button>
            ) : null}
            {canSubmit ? (
              <Button type="primary" icon={<SendOutlined />} onClick={onSubmit} loading={step.isPending} data-testid="submit-report">
                {t('reports.form.submit')}
              </Button>
            ) : null}
            {report.canReview && report.id ? (
              <>
                <Button danger icon={<RollbackOutlined />} onClick={() => setReview('return')} data-testid="return-report">
                  {t('reports.review.return')}
                </Button>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => setReview('accept')} data-testid="accept-report">
                  {t('reports.review.accept')}
                </Button>
              </>
            ) : null}
          </Flex>
        </Card>
      ) : null}

      {report.events.length ? (
        <Card
          size="small"
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {t('reports.form.history')}
            </Typography.Title>
          }
        >
          <Timeline
            data-testid="report-events"
            items={report.events.map((e, i) => ({
              key: `${e.at}-${i}`,
              color: e.action === 'returned' ? 'red' : e.action === 'accepted' ? 'green' : 'blue',
              title: formatDateTime(e.at),
              content: (
                <>
                  <strong>{t(`reports.actions.${e.action}`, { defaultValue: e.action })}</strong> · {e.actor}
                  {e.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div> : null}
                </>
              ),
            }))}
          />
        </Card>
      ) : null}

      {printable ? (
        <DocxModal
          open={docxOpen}
          loading={printing}
          onCancel={() => setDocxOpen(false)}
          onDownload={(options) => void onPrint(options)}
          title={t('reports.form.printTitle')}
          recipients=""
        />
      ) : null}
      {report.id ? (
        <ReviewModal
          kind={review}
          reportId={report.id}
          onCancel={() => setReview(null)}
          onDone={(kind) => {
            setReview(null);
            void message.success(kind === 'return' ? t('reports.review.returned') : t('reports.review.accepted'));
          }}
        />
      ) : null}
    </Flex>
  );
}

export { ReportFormRoute as Component };
