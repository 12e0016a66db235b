import '../strings';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, applyFieldErrors } from '@/components/form/server-errors';
import { ErrorState, LoadingState } from '@/components/states';
import { DATE_FORMAT } from '@/config/locale';
import { PERMISSIONS } from '@/config/permissions';
import { ApiError } from '@/lib/api/problem';
import { useHasPermission, useMe } from '@/lib/auth/auth';
import { toIsoDate, todayInProvince } from '@/lib/format/date';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { UnitTreeSelect } from '@/components/form/unit-tree-select';
import { useCatalogue, useCreatePeriod, type IndicatorInput } from '../api/periods';
import { TemplateEditor, toIndicatorInputs } from '../components/template-editor';
import { reportPaths } from '../paths';

interface Fields {
  unitId?: string;
  title: string;
  year: number;
  deadline?: Dayjs;
  indicators: IndicatorInput[];
}

/** Where the API's validation messages can land; `indicators[2].code` and the like go on the row's field. */
const FIELDS = ['unitId', 'title', 'year', 'deadline', 'indicators'] as const;

/**
 * Opens a year's reporting period for the units below a unit: title, year, deadline and the template, pre-filled
 * from the standard one (rows can be added, removed and reordered; only number rows take a pre-fill source).
 */
export function PeriodCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const canManage = useHasPermission(PERMISSIONS.reportsManage);
  const me = useMe().data;
  const catalogue = useCatalogue();
  const create = useCreatePeriod();
  const [form] = Form.useForm<Fields>();
  const [leftover, setLeftover] = useState<string[]>([]);

  useEffect(() => {
    document.title = `${t('reports.periods.new')} · ${t('app.name')}`;
  }, [t]);

  if (!canManage) return <ErrorState error={new ApiError(403, { status: 403 })} />;
  if (catalogue.isPending) return <LoadingState />;
  if (catalogue.isError) return <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />;

  const year = todayInProvince().year();
  const initialValues: Fields = {
    unitId: me?.grants[0]?.unitId,
    year,
    title: t('reports.periods.defaultTitle', { year }),
    indicators: catalogue.data.defaultTemplate.map((i) => ({ ...i, measure: i.measure ?? null, source: i.source ?? null })),
  };
  const required = (label: string) => ({ required: true, whitespace: true, message: t('form.required', { field: label.toLowerCase() }) });
  const sourceOptions = catalogue.data.sources.map((s) => ({ value: s.key, label: s.key, title: s.description }));

  const onFinish = (values: Fields) => {
    setLeftover([]);
    create.mutate(
      {
        unitId: values.unitId!,
        year: values.year,
        title: values.title.trim(),
        deadline: toIsoDate(values.deadline!),
        indicators: toIndicatorInputs(values.indicators),
      },
      {
        onSuccess: (period) => navigate(scoped(reportPaths.synthesis(period.id))),
        onError: (error) => setLeftover(applyFieldErrors(form, error, FIELDS)),
      },
    );
  };

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('reports.periods.new')}
        </Typography.Title>
      }
    >
      <Form<Fields> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} disabled={create.isPending} scrollToFirstError>
        <ServerErrorAlert error={create.error} leftoverMessages={leftover} />
        <Flex gap={16} wrap>
          <Form.Item name="unitId" label={t('reports.periods.askingUnit')} rules={[{ required: true, message: t('form.required', { field: t('reports.periods.askingUnit').toLowerCase() }) }]} style={{ flex: '2 1 320px' }}>
            <UnitTreeSelect />
          </Form.Item>
          <Form.Item name="year" label={t('reports.fields.year')} rules={[{ required: true, type: 'number', message: t('form.required', { field: t('reports.fields.year').toLowerCase() }) }]} style={{ flex: '0 1 140px' }}>
            <InputNumber min={2000} max={year + 1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="deadline" label={t('reports.fields.deadline')} rules={[{ required: true, type: 'object', message: t('form.required', { field: t('reports.fields.deadline').toLowerCase() }) }]} style={{ flex: '0 1 200px' }}>
            <DatePicker format={DATE_FORMAT} placeholder={t('reports.periods.datePlaceholder')} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label={t('reports.fields.title')} rules={[required(t('reports.fields.title'))]}>
          <Input maxLength={300} />
        </Form.Item>

        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('reports.periods.template')}
        </Typography.Title>
        <Alert type="info" showIcon title={t('reports.periods.templateHint')} style={{ marginBottom: 12 }} />
        <TemplateEditor sourceOptions={sourceOptions} />
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="create-period">
            {t('reports.periods.open')}
          </Button>
          <Button onClick={() => navigate(scoped(reportPaths.home))}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}

export { PeriodCreateRoute as Component };
