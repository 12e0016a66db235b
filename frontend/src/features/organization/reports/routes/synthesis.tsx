import '../strings';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Input,
  Row,
  Select,
  Statistic,
  Table,
  Typography,
  type TableColumnType,
} from 'antd';
import { EditOutlined, FileExcelOutlined, FileWordOutlined, UpOutlined } from '@ant-design/icons';
import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState, errorMessageKey } from '@/components/states';
import { PAGE_SIZES, useListParams } from '@/components/list-page/use-list-params';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatDateTime, formatIsoDate } from '@/lib/format/date';
import { useUnitTree } from '@/lib/scope/unit-tree';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { useUnitKindLabel } from '../../shared/unit-kind-label';
import {
  useDownloadSynthesis,
  useSubmissions,
  useSynthesis,
  type DocxOptions,
  type IndicatorTotal,
  type SubmissionItem,
  type SubmissionsQuery,
  type SynthesisGroup,
} from '../api/synthesis';
import { usePeriod } from '../api/periods';
import type { SubmissionState } from '../api/unit-report';
import { SubmissionBar, ValueBar } from '../components/charts';
import { DocxModal } from '../components/docx-modal';
import { NarrativeAnswers } from '../components/narrative-answers';
import { LateTag, PeriodDeadlineHint, ReportStateTag } from '../components/report-state';
import { formatNumber } from '../format';
import { reportPaths } from '../paths';

const STATES: SubmissionState[] = ['NotStarted', 'Draft', 'Submitted', 'Returned', 'Accepted'];
const TIMELINESS = ['onTime', 'late', 'missing'] as const;
const FILTERS = ['state', 'timeliness'] as const;

const heading = (text: string) => (
  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </Typography.Title>
);

type TotalRow = { key: string; section: string } & ({ type: 'section' } | { type: 'indicator'; indicator: IndicatorTotal; max: number });

/** The indicator totals with a heading row per section; bars compare indicators of the same measure. */
function IndicatorTotals({ indicators }: { indicators: IndicatorTotal[] }) {
  const { t, i18n } = useTranslation();
  const rows = useMemo(() => {
    const maxByMeasure = new Map<string, number>();
    for (const i of indicators)
      if (i.kind !== 'Text') maxByMeasure.set(i.measure ?? '', Math.max(maxByMeasure.get(i.measure ?? '') ?? 0, i.total));
    const out: TotalRow[] = [];
    let section: string | null = null;
    for (const i of indicators) {
      if (i.section !== section) {
        section = i.section;
        out.push({ key: `section:${section}`, section, type: 'section' });
      }
      out.push({ key: i.code, section: i.section, type: 'indicator', indicator: i, max: maxByMeasure.get(i.measure ?? '') ?? 0 });
    }
    return out;
  }, [indicators]);
  const sectionCell = (row: TotalRow) => (row.type === 'section' ? { colSpan: 0 } : {});
  return (
    <Table<TotalRow>
      size="small"
      rowKey="key"
      data-testid="indicator-totals"
      pagination={false}
      dataSource={rows}
      rowClassName={(row) => (row.type === 'section' ? 'report-section-row' : '')}
      columns={[
        {
          title: t('reports.synthesis.indicator'),
          key: 'name',
          onCell: (row) => (row.type === 'section' ? { colSpan: 4 } : {}),
          render: (_: unknown, row) =>
            row.type === 'section' ? <strong>{row.section}</strong> : <span style={{ paddingInlineStart: 12, display: 'block' }}>{row.indicator.name}</span>,
        },
        {
          title: t('reports.synthesis.total'),
          key: 'total',
          align: 'end',
          onCell: sectionCell,
          render: (_: unknown, row) =>
            row.type === 'indicator' && row.indicator.kind !== 'Text' ? (
              <span style={{ whiteSpace: 'nowrap' }} data-testid={`total-${row.indicator.code}`}>
                {formatNumber(row.indicator.total, i18n.language)}
                {row.indicator.measure ? <Typography.Text type="secondary"> {row.indicator.measure}</Typography.Text> : null}
              </span>
            ) : (
              t('common.none')
            ),
        },
        {
          title: <span className="visually-hidden">{t('reports.synthesis.chart')}</span>,
          key: 'bar',
          responsive: ['md'],
          onCell: sectionCell,
          render: (_: unknown, row) =>
            row.type === 'indicator' && row.indicator.kind !== 'Text' ? <ValueBar value={row.indicator.total} max={row.max} /> : null,
        },
        {
          title: t('reports.synthesis.reports'),
          key: 'reports',
          align: 'end',
          responsive: ['sm'],
          onCell: sectionCell,
          render: (_: unknown, row) => (row.type === 'indicator' ? formatNumber(row.indicator.reports, i18n.language) : null),
        },
      ]}
    />
  );
}

function useCountColumns(): TableColumnType<SynthesisGroup>[] {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return [
    { title: t('reports.synthesis.counts.expected'), key: 'expected', align: 'end', render: (_: unknown, g) => n(g.submissions.expected) },
    { title: t('reports.synthesis.counts.onTime'), key: 'onTime', align: 'end', render: (_: unknown, g) => n(g.submissions.onTime) },
    { title: t('reports.synthesis.counts.late'), key: 'late', align: 'end', render: (_: unknown, g) => n(g.submissions.late) },
    {
      title: t('reports.synthesis.counts.notSubmitted'),
      key: 'notSubmitted',
      align: 'end',
      render: (_: unknown, g) => n(g.submissions.notSubmitted),
    },
    {
      title: <span className="visually-hidden">{t('reports.synthesis.chart')}</span>,
      key: 'bar',
      responsive: ['md'],
      width: 180,
      render: (_: unknown, g) => <SubmissionBar counts={g.submissions} height={10} legend={false} />,
    },
  ];
}

/** Who reports in the period within the scope, filtered by state, timeliness and name; each row opens the unit's report. */
function Submissions({ periodId, within }: { periodId: string; within: string | undefined }) {
  const { t } = useTranslation();
  const scoped = useScopedPath();
  const kindLabel = useUnitKindLabel();
  const searchId = useId();
  const { params, update } = useListParams({ defaultSort: 'name', filterKeys: FILTERS });
  const state = STATES.find((s) => s === params.filters.state);
  const timeliness = TIMELINESS.find((s) => s === params.filters.timeliness);
  const [search, setSearch] = useState(params.q);
  useEffect(() => setSearch(params.q), [params.q]);
  useEffect(() => {
    if (search === params.q) return;
    const timer = setTimeout(() => update({ q: search.trim() || undefined }), 350);
    return () => clearTimeout(timer);
  }, [search, params.q, update]);

  const query: SubmissionsQuery = {
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    ...(within ? { within } : {}),
    ...(params.q ? { q: params.q } : {}),
    ...(state ? { state } : {}),
    ...(timeliness ? { timeliness } : {}),
  };
  const submissions = useSubmissions(periodId, query);

  return (
    <Card title={heading(t('reports.synthesis.submissions'))} styles={{ body: { paddingTop: 12 } }}>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} role="search">
        <label htmlFor={searchId} className="visually-hidden">
          {t('common.search')}
        </label>
        <Input.Search
          id={searchId}
          allowClear
          value={search}
          placeholder={t('reports.synthesis.searchUnits')}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          style={{ flex: '1 1 240px', maxWidth: 360 }}
        />
        <Select<SubmissionState>
          allowClear
          aria-label={t('reports.fields.state')}
          placeholder={t('reports.synthesis.anyState')}
          value={state}
          onChange={(value) => update({ state: value })}
          options={STATES.map((s) => ({ value: s, label: t(`reports.states.${s}`) }))}
          style={{ minWidth: 180 }}
          data-testid="state-filter"
        />
        <Select<(typeof TIMELINESS)[number]>
          allowClear
          aria-label={t('reports.synthesis.timeliness')}
          placeholder={t('reports.synthesis.anyTimeliness')}
          value={timeliness}
          onChange={(value) => update({ timeliness: value })}
          options={TIMELINESS.map((s) => ({ value: s, label: t(`reports.synthesis.timelinessValues.${s}`) }))}
          style={{ minWidth: 180 }}
          data-testid="timeliness-filter"
        />
      </Flex>
      {submissions.isError ? (
        <ErrorState error={submissions.error} onRetry={() => void submissions.refetch()} />
      ) : (
        <Table<SubmissionItem>
          rowKey="unitId"
          size="middle"
          data-testid="submissions"
          loading={submissions.isFetching}
          dataSource={submissions.data?.items ?? []}
          locale={{ emptyText: submissions.isPending ? ' ' : <EmptyState description={t('states.noResults')} /> }}
          onChange={(pagination) => update({ page: pagination.current, pageSize: pagination.pageSize })}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: submissions.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String),
            showTotal: (total, [from, to]) => t('list.total', { from, to, total }),
            responsive: true,
          }}
          columns={[
            {
              title: t('reports.fields.unit'),
              key: 'name',
              render: (_: unknown, s) => (
                <>
                  <Link to={scoped(reportPaths.unitReport(periodId, s.unitId))}>{s.name}</Link>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {[s.code, s.parentName].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </>
              ),
            },
            { title: t('reports.synthesis.kind'), key: 'kind', responsive: ['lg'], render: (_: unknown, s) => kindLabel(s.kind) },
            {
              title: t('reports.fields.state'),
              key: 'state',
              render: (_: unknown, s) => (
                <Flex gap={4} wrap>
                  <ReportStateTag state={s.state} />
                  {s.late ? <LateTag /> : null}
                </Flex>
              ),
            },
            {
              title: t('reports.fields.submittedAt'),
              key: 'submittedAt',
              responsive: ['md'],
              render: (_: unknown, s) => (s.submittedAt ? formatDateTime(s.submittedAt) : t('common.none')),
            },
          ]}
        />
      )}
    </Card>
  );
}

/**
 * The synthesis of a period over the chosen unit's subtree (`?unit=`, the global scope): who reported on time, late
 * or not at all, the totals of every indicator, the breakdown by the units directly below (a click drills down into
 * one) and by kind of unit, the list of submissions, what the units wrote for the narrative indicators, and the
 * .xlsx / Decree 30 .docx exports.
 */
export function SynthesisRoute() {
  const { t, i18n } = useTranslation();
  const { periodId = '' } = useParams();
  const { unitId: within, setUnitId } = useUnitScope();
  const { message } = App.useApp();
  const kindLabel = useUnitKindLabel();
  const countColumns = useCountColumns();
  const synthesis = useSynthesis(periodId, within);
  const download = useDownloadSynthesis();
  const [docxOpen, setDocxOpen] = useState(false);
  const navigate = useNavigate();
  const scoped = useScopedPath();
  // Only the managers of the asking unit change the period: a district reads the province's period but does not edit it.
  const period = usePeriod(periodId).data;
  const units = useUnitTree();
  const canEdit = useHasPermission(PERMISSIONS.reportsManage) && !!period && !!units.data?.items.some((u) => u.id === period.unitId);

  const data = synthesis.data;
  useEffect(() => {
    if (data) document.title = `${t('reports.synthesis.title', { year: data.year })} · ${t('app.name')}`;
  }, [data, t]);

  if (synthesis.isPending) return <LoadingState />;
  if (synthesis.isError || !data) return <ErrorState error={synthesis.error} onRetry={() => void synthesis.refetch()} />;

  const counts = data.submissions;
  const n = (v: number) => formatNumber(v, i18n.language);
  const onError = (error: unknown) => void message.error(`${t('reports.synthesis.downloadFailed')} ${t(errorMessageKey(error))}`);
  const exportXlsx = () =>
    download.mutate({ periodId, year: data.year, within, format: 'xlsx' }, { onError });
  const exportDocx = (options: DocxOptions) =>
    download.mutate({ periodId, year: data.year, within, format: 'docx', options }, { onSuccess: () => setDocxOpen(false), onError });

  const stats: { key: keyof typeof counts; color?: string }[] = [
    { key: 'expected' },
    { key: 'onTime', color: '#237804' },
    { key: 'late', color: '#ad4e00' },
    { key: 'notSubmitted', color: '#a8071a' },
    { key: 'awaitingReview' },
    { key: 'accepted' },
    { key: 'returned' },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
            {t('reports.synthesis.title', { year: data.year })}
          </Typography.Title>
        }
        extra={
          <Flex gap={8} wrap>
            {canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(scoped(reportPaths.editPeriod(periodId)))} data-testid="edit-period">
                {t('reports.periods.edit')}
              </Button>
            ) : null}
            <Button
              icon={<FileExcelOutlined />}
              onClick={exportXlsx}
              loading={download.isPending && download.variables?.format === 'xlsx'}
              data-testid="export-xlsx"
            >
              {t('reports.synthesis.exportXlsx')}
            </Button>
            <Button icon={<FileWordOutlined />} onClick={() => setDocxOpen(true)} data-testid="export-docx">
              {t('reports.synthesis.exportDocx')}
            </Button>
          </Flex>
        }
      >
        <Flex vertical gap={8}>
          <Typography.Text>{data.periodTitle}</Typography.Text>
          <Flex gap={8} wrap align="center">
            <Typography.Text type="secondary">{t('reports.synthesis.within')}:</Typography.Text>
            <strong data-testid="synthesis-within">{data.within.name}</strong>
            {data.within.parentId && within ? (
              <Button size="small" icon={<UpOutlined />} onClick={() => setUnitId(data.within.parentId ?? undefined)}>
                {t('reports.synthesis.up')}
              </Button>
            ) : null}
          </Flex>
          <Flex gap={8} wrap align="center">
            <Typography.Text type="secondary">{t('reports.fields.deadline')}:</Typography.Text>
            {formatIsoDate(data.deadline)}
            <PeriodDeadlineHint deadline={data.deadline} />
          </Flex>
        </Flex>
      </Card>

      <Card title={heading(t('reports.synthesis.submissionsTitle'))}>
        <Row gutter={[16, 16]} data-testid="submission-counts">
          {stats.map((s) => (
            <Col key={s.key} xs={12} sm={8} md={6} xl={3} style={{ flex: '1 1 0' }}>
              <Statistic
                title={t(`reports.synthesis.counts.${s.key}`)}
                value={counts[s.key]}
                formatter={(v) => n(Number(v))}
                styles={s.color ? { content: { color: s.color } } : undefined}
                data-testid={`count-${s.key}`}
              />
            </Col>
          ))}
        </Row>
        <div style={{ marginTop: 16 }}>
          <SubmissionBar counts={counts} />
        </div>
      </Card>

      <Card title={heading(t('reports.synthesis.indicators'))}>
        <IndicatorTotals indicators={data.indicators} />
      </Card>

      <Card title={heading(t('reports.synthesis.byUnit'))}>
        <Table<SynthesisGroup>
          size="small"
          rowKey={(g) => g.unitId ?? g.key}
          data-testid="by-unit"
          pagination={false}
          dataSource={data.byUnit}
          locale={{ emptyText: <EmptyState /> }}
          columns={[
            {
              title: t('reports.fields.unit'),
              key: 'name',
              render: (_: unknown, g) =>
                g.unitId && g.unitId !== data.within.id ? (
                  <Button
                    type="link"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                    onClick={() => setUnitId(g.unitId ?? undefined)}
                    aria-label={t('reports.synthesis.drillDown', { name: g.name })}
                    data-testid="drill-down"
                  >
                    {g.name}
                  </Button>
                ) : (
                  <>
                    {g.name}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('reports.synthesis.ownReport')}
                    </Typography.Text>
                  </>
                ),
            },
            ...countColumns,
          ]}
        />
      </Card>

      <Card title={heading(t('reports.synthesis.byKind'))}>
        <Table<SynthesisGroup>
          size="small"
          rowKey="key"
          data-testid="by-kind"
          pagination={false}
          dataSource={data.byKind}
          locale={{ emptyText: <EmptyState /> }}
          columns={[{ title: t('reports.synthesis.kind'), key: 'name', render: (_: unknown, g) => kindLabel(g.key) }, ...countColumns]}
        />
      </Card>

      <Submissions periodId={periodId} within={within} />

      <NarrativeAnswers periodId={periodId} within={within} indicators={data.indicators} />

      <DocxModal
        open={docxOpen}
        loading={download.isPending && download.variables?.format === 'docx'}
        onCancel={() => setDocxOpen(false)}
        onDownload={exportDocx}
      />
    </Flex>
  );
}

export { SynthesisRoute as Component };
