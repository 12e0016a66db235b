import { Card, Flex, Input, Pagination, Select, Spin, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { PAGE_SIZES } from '@/components/list-page/use-list-params';
import { formatDateTime } from '@/lib/format/date';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { useNarrativeAnswers, type IndicatorTotal, type NarrativeAnswer } from '../api/synthesis';
import { reportPaths } from '../paths';
import { LateTag, ReportStateTag } from './report-state';

function Answer({ answer: a, href }: { answer: NarrativeAnswer; href: string }) {
  const { t } = useTranslation();
  return (
    <li data-testid="narrative-answer" style={{ padding: '12px 0', borderBlockEnd: '1px solid rgba(5, 5, 5, 0.06)' }}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <div>
          <Link to={href} aria-label={t('reports.synthesis.narrative.openReport', { name: a.name })}>
            <strong>{a.name}</strong>
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {[a.code, a.parentName, a.submittedAt ? formatDateTime(a.submittedAt) : null].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
        <Flex gap={4} wrap>
          <ReportStateTag state={a.state} />
          {a.late ? <LateTag /> : null}
        </Flex>
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8, marginBottom: 0 }}>{a.text}</Typography.Paragraph>
    </li>
  );
}

interface Props {
  periodId: string;
  within: string | undefined;
  /** The period's indicators; the text ones are offered. */
  indicators: IndicatorTotal[];
}

/**
 * The answers to the narrative (text) indicators, which the totals cannot show: pick an indicator, then read what
 * each unit of the subtree wrote, searchable and paged. Its own state (not the URL), so it does not disturb the
 * submissions list's paging above it.
 */
export function NarrativeAnswers({ periodId, within, indicators }: Props) {
  const { t } = useTranslation();
  const scoped = useScopedPath();
  const searchId = useId();
  const texts = indicators.filter((i) => i.kind === 'Text');
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const indicator = texts.some((i) => i.code === chosen) ? chosen : texts[0]?.code;
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  useEffect(() => {
    if (search.trim() === q) return;
    const timer = setTimeout(() => {
      setQ(search.trim());
      setPage(1);
    }, 350);
    return () => clearTimeout(timer);
  }, [search, q]);
  useEffect(() => setPage(1), [within]);

  const answers = useNarrativeAnswers(periodId, indicator, {
    page,
    pageSize,
    ...(within ? { within } : {}),
    ...(q ? { q } : {}),
  });
  if (texts.length === 0) return null;

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('reports.synthesis.narrative.title')}
        </Typography.Title>
      }
      styles={{ body: { paddingTop: 12 } }}
      data-testid="narrative-answers"
    >
      <Typography.Paragraph type="secondary">{t('reports.synthesis.narrative.hint')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} role="search">
        <Select<string>
          aria-label={t('reports.synthesis.narrative.indicator')}
          value={indicator}
          onChange={(value) => {
            setChosen(value);
            setPage(1);
          }}
          options={texts.map((i) => ({ value: i.code, label: i.name }))}
          style={{ flex: '1 1 200px', maxWidth: 320 }}
          data-testid="narrative-indicator"
        />
        <label htmlFor={searchId} className="visually-hidden">
          {t('reports.synthesis.narrative.search')}
        </label>
        <Input.Search
          id={searchId}
          allowClear
          value={search}
          placeholder={t('reports.synthesis.narrative.search')}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => {
            setSearch(value);
            setQ(value.trim());
            setPage(1);
          }}
          style={{ flex: '1 1 240px', maxWidth: 360 }}
        />
      </Flex>
      {answers.isError ? (
        <ErrorState error={answers.error} onRetry={() => void answers.refetch()} />
      ) : (
        <Spin spinning={answers.isFetching && !answers.isPending}>
          {answers.isPending ? (
            <LoadingState />
          ) : (answers.data?.items.length ?? 0) === 0 ? (
            <EmptyState description={q ? t('states.noResults') : t('reports.synthesis.narrative.empty')} />
          ) : (
            <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {answers.data!.items.map((a) => (
                <Answer key={a.unitId} answer={a} href={scoped(reportPaths.unitReport(periodId, a.unitId))} />
              ))}
            </ol>
          )}
          {(answers.data?.total ?? 0) > 0 ? (
            <Pagination
              style={{ marginTop: 12, justifyContent: 'end' }}
              size="small"
              current={page}
              pageSize={pageSize}
              total={answers.data?.total ?? 0}
              showSizeChanger
              pageSizeOptions={PAGE_SIZES.map(String)}
              showTotal={(total, [from, to]) => t('list.total', { from, to, total })}
              onChange={(next, size) => {
                setPage(size !== pageSize ? 1 : next);
                setPageSize(size);
              }}
            />
          ) : null}
        </Spin>
      )}
    </Card>
  );
}
