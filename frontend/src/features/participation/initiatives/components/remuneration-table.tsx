import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '@/lib/format/date';
import type { RemunerationView } from '../api/initiatives';
import { formatVnd } from './vnd';

type YearRow = RemunerationView['years'][number];

/** The minimum remuneration of Decree 13/2012/NĐ-CP art. 10, year by year, with the legal basis of the rates. */
export function RemunerationTable({ remuneration }: { remuneration: RemunerationView }) {
  const { t, i18n } = useTranslation();
  const money = (v: number) => formatVnd(v, i18n.language);
  const r = (k: string) => t(`initiatives.remuneration.${k}`);
  const authors = remuneration.years[0]?.authors ?? [];
  const pct = (v: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 4 }).format(v * 100);
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{r('title')}</Typography.Title>} data-testid="remuneration">
      <Typography.Paragraph type="secondary">
        {remuneration.recorded ? r('recorded') : r('preview')}{' '}
        {t('initiatives.remuneration.rules', {
          basis: remuneration.rules.legalBasis,
          authorRate: pct(remuneration.rules.authorRate),
          organiserRate: pct(remuneration.rules.organiserRate),
          years: remuneration.rules.years,
        })}
      </Typography.Paragraph>
      <Table<YearRow>
        rowKey="year"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={remuneration.years}
        columns={[
          { title: r('year'), dataIndex: 'year' },
          { title: r('period'), key: 'period', render: (_: unknown, y) => `${formatIsoDate(y.from)} – ${formatIsoDate(y.to)}` },
          { title: r('benefit'), dataIndex: 'benefit', align: 'end', render: money },
          { title: r('authorsTotal'), dataIndex: 'authorsTotal', align: 'end', render: money },
          ...authors.map((a, index) => ({
            title: `${a.fullName} (${a.sharePercent}%)`,
            key: `author-${index}`,
            align: 'end' as const,
            render: (_: unknown, y: YearRow) => money(y.authors[index]?.amount ?? 0),
          })),
          { title: r('organisers'), dataIndex: 'organisersMinimum', align: 'end', render: money },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <strong>{r('total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="end">
              <strong data-testid="authors-total">{money(remuneration.authorsTotal)}</strong>
            </Table.Summary.Cell>
            {authors.map((_, index) => (
              <Table.Summary.Cell key={index} index={4 + index} align="end">
                {money(remuneration.years.reduce((sum, y) => sum + (y.authors[index]?.amount ?? 0), 0))}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={4 + authors.length} align="end">
              {money(remuneration.organisersTotal)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
