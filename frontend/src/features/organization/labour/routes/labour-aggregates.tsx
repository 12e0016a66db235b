import '../strings';
import { Card, Flex, Segmented, Select, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { useUnitScope } from '@/lib/scope/use-unit-scope';
import { GROUPINGS, useLabourAggregates, type Grouping, type LabourAggregateRow } from '../api/aggregates';
import { BarChart } from '@/components/bar-chart';
import { formatCount, yearOptions } from '../components/labels';
import { LabourTabs } from '../components/labour-tabs';

/** A year's labour figures summed by sector, ownership, industrial zone or district, as a table with bars. */
export function LabourAggregatesRoute() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const { unitId } = useUnitScope();
  const yearParam = search.get('year');
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : new Date().getFullYear() - 1;
  const byParam = search.get('by') as Grouping | null;
  const by: Grouping = byParam && GROUPINGS.includes(byParam) ? byParam : 'sector';
  const query = useLabourAggregates({ year, by, ...(unitId ? { within: unitId } : {}) });

  useEffect(() => {
    document.title = `${t('labour.aggregates.title')} · ${t('app.name')}`;
  }, [t]);

  const set = (key: string, value: string) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      next.set(key, value);
      return next;
    });
  const n = (v: number | null | undefined) => formatCount(v, i18n.language);
  const keyLabel = (row: LabourAggregateRow) => {
    if (row.key === null || row.key === undefined) return t('labour.aggregates.noZone');
    if (by === 'sector') return t(`labour.sector.${row.key}`);
    if (by === 'ownership') return t(`labour.ownership.${row.key}`);
    return row.key;
  };
  const a = (field: string) => t(`labour.aggregates.${field}`);
  const numeric = (field: keyof LabourAggregateRow) => ({
    title: a(field),
    dataIndex: field,
    key: field,
    align: 'end' as const,
    render: (v: number | null) => n(v),
  });
  const data = query.data;

  return (
    <Flex vertical gap={12}>
      <LabourTabs />
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {a('title')}
          </Typography.Title>
        }
      >
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('labour.year')}
            data-testid="aggregate-year"
            value={year}
            options={yearOptions().map((y) => ({ value: y, label: `${t('labour.year')} ${y}` }))}
            onChange={(y: number) => set('year', String(y))}
            style={{ width: 120 }}
          />
          <span>{a('by')}:</span>
          <Segmented
            data-testid="group-by"
            value={by}
            options={GROUPINGS.map((g) => ({ value: g, label: a(`groupings.${g}`) }))}
            onChange={(g) => set('by', String(g))}
          />
        </Flex>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError || !data ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : data.rows.length === 0 ? (
          <Typography.Text type="secondary">{a('empty').replace('{{year}}', String(year))}</Typography.Text>
        ) : (
          <Flex vertical gap={16}>
            <BarChart
              title={a('chart')}
              bars={data.rows.map((row) => ({ key: row.key ?? '—', label: keyLabel(row), value: row.workforce, text: n(row.workforce) }))}
            />
            <Table<LabourAggregateRow>
              data-testid="aggregate-table"
              size="small"
              rowKey={(row) => row.key ?? '—'}
              dataSource={data.rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: a('key'), key: 'key', render: (_: unknown, row) => keyLabel(row) },
                numeric('enterprises'),
                numeric('workforce'),
                numeric('women'),
                numeric('unionMembers'),
                numeric('averageIncome'),
                numeric('cbaSigned'),
                numeric('disputes'),
                numeric('stoppages'),
                numeric('dialogues'),
              ]}
              summary={() => (
                <Table.Summary.Row style={{ fontWeight: 600 }}>
                  <Table.Summary.Cell index={0}>{a('total')}</Table.Summary.Cell>
                  {(['enterprises', 'workforce', 'women', 'unionMembers', 'averageIncome', 'cbaSigned', 'disputes', 'stoppages', 'dialogues'] as const).map(
                    (field, i) => (
                      <Table.Summary.Cell key={field} index={i + 1} align="end">
                        {n(data.totals[field])}
                      </Table.Summary.Cell>
                    ),
                  )}
                </Table.Summary.Row>
              )}
            />
          </Flex>
        )}
      </Card>
    </Flex>
  );
}

export { LabourAggregatesRoute as Component };
