import '../strings';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { ErrorState, LoadingState } from '@/components/states';
import { DATE_FORMAT } from '@/config/locale';
import { PERMISSIONS } from '@/config/permissions';
import { ApiError } from '@/lib/api/problem';
import { useHasPermission } from '@/lib/auth/auth';
import { dayjs, toIsoDate } from '@/lib/format/date';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { useCatalogue, usePeriodForEdit, useUpdatePeriod, type IndicatorInput, type PeriodDetail } from '../api/periods';
import { TemplateEditor, toIndicatorInputs } from '../components/template-editor';
import { reportPaths } from '../paths';

interface Fields {
  title: string;
  deadline?: Dayjs;
  indicators: IndicatorInput[];
}

/** Where the API's validation messages can land; `indicators[2].code` and the like go on the row's field. */
const FIELDS = ['title', 'deadline', 'indicators'] as const;

function PeriodEditForm({
  period,
  sourceOptions,
  submitting,
  error,
  onSubmit,
  onCancel,
  onReload,
}: {
  period: PeriodDetail;
  sourceOptions: { value: string; label: string; title: string }[];
  submitting: boolean;
  error: unknown;
  onSubmit: (fields: Fields) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const leftover = useServerErrors(form, error, FIELDS);
  const required = (label: string) => ({ required: true, whitespace: true, message: t('form.required', { field: label.toLowerCase() }) });
  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      initialValues={{
        title: period.title,
        deadline: dayjs(period.deadline),
        indicators: period.indicators.map((i) => ({ ...i, measure: i.measure ?? null, source: i.source ?? null })),
      }}
      onFinish={onSubmit}
      disabled={submitting}
      scrollToFirstError
    >
      <ServerErrorAlert
        error={error}
        leftoverMessages={leftover}
        onReload={onReload}
        codeMessages={{ template_in_use: t('reports.periods.lockedTitle') }}
      />
      <Flex gap={16} wrap>
        <Form.Item name="title" label={t('reports.fields.title')} rules={[required(t('reports.fields.title'))]} style={{ flex: '3 1 320px' }}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('reports.fields.deadline')}
          rules={[{ required: true, type: 'object', message: t('form.required', { field: t('reports.fields.deadline').toLowerCase() }) }]}
          extra={t('reports.periods.deadlineYearHint', { year: period.year })}
          style={{ flex: '1 1 200px' }}
        >
          <DatePicker format={DATE_FORMAT} placeholder={t('reports.periods.datePlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>

      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('reports.periods.template')}
      </Typography.Title>
      {period.templateLocked ? (
        <Alert type="warning" showIcon title={t('reports.periods.lockedTitle')} description={t('reports.periods.lockedHint')} style={{ marginBottom: 12 }} data-testid="template-locked" />
      ) : (
        <Alert type="info" showIcon title={t('reports.periods.editHint')} style={{ marginBottom: 12 }} />
      )}
      <TemplateEditor sourceOptions={sourceOptions} locked={period.templateLocked} />
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="save-period">
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}

/**
 * Changes a period's title, deadline and template (If-Match). Until a report is submitted the whole template can
 * change; afterwards its codes, kinds and order are fixed (the API's rule), which the editor shows and enforces.
 */
export function PeriodEditRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { periodId = '' } = useParams();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const canManage = useHasPermission(PERMISSIONS.reportsManage);
  const query = usePeriodForEdit(periodId);
  const catalogue = useCatalogue();
  const update = useUpdatePeriod();

  useEffect(() => {
    document.title = `${t('reports.periods.edit')} · ${t('app.name')}`;
  }, [t]);

  if (!canManage) return <ErrorState error={new ApiError(403, { status: 403 })} />;
  if (query.isPending || catalogue.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (catalogue.isError) return <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />;

  const { period, etag } = query.data;
  const sourceOptions = catalogue.data.sources.map((s) => ({ value: s.key, label: s.key, title: s.description }));
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
          {t('reports.periods.edit')}: {t('reports.periods.crumb', { year: period.year })}
        </Typography.Title>
      }
    >
      <PeriodEditForm
        // A reload brings a new version: remount so the fields show it.
        key={etag}
        period={period}
        sourceOptions={sourceOptions}
        submitting={update.isPending}
        error={update.error}
        onCancel={() => navigate(scoped(reportPaths.synthesis(period.id)))}
        onReload={() => {
          update.reset();
          void query.refetch();
        }}
        onSubmit={(values) =>
          update.mutate(
            {
              id: period.id,
              etag,
              data: { title: values.title.trim(), deadline: toIsoDate(values.deadline!), indicators: toIndicatorInputs(values.indicators) },
            },
            {
              onSuccess: () => {
                void message.success(t('reports.periods.saved'));
                navigate(scoped(reportPaths.synthesis(period.id)));
              },
            },
          )
        }
      />
    </Card>
  );
}

export { PeriodEditRoute as Component };
