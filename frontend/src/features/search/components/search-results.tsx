import '../strings';
import { Alert, Empty, List, Pagination, Segmented, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format/date';
import { PAGE_SIZE, SEARCH_KINDS, useSearch, type SearchHit } from '../api/search';
import { Highlighted } from './highlighted';

interface Props {
  q: string;
  kind?: string;
  page: number;
  onChange: (next: { kind?: string; page: number }) => void;
}

function Hit({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid="search-hit">
      <div style={{ minWidth: 0, width: '100%' }}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Tag>{t(`search.kinds.${hit.kind}`, { defaultValue: hit.kind })}</Tag>
          <Link to={hit.link} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
            <Highlighted text={hit.title} marks={hit.titleMarks} />
          </Link>
        </div>
        {hit.snippet ? (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', overflowWrap: 'anywhere' }}>
            {hit.snippetFile ? (
              <Typography.Text type="secondary" italic data-testid="search-hit-file">
                {t('search.inFile', { name: hit.snippetFile, interpolation: { escapeValue: false } })}
                {' — '}
              </Typography.Text>
            ) : null}
            <Highlighted text={hit.snippet} marks={hit.snippetMarks} />
          </Typography.Paragraph>
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[hit.status ? t(`search.status.${hit.status}`, { defaultValue: hit.status }) : null, hit.date ? formatDate(hit.date) : null]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </div>
    </List.Item>
  );
}

/** The hits of one query: a filter by kind with the counts, the ranked list with its marks, and pages. */
export function SearchResultsView({ q, kind, page, onChange }: Props) {
  const { t } = useTranslation();
  const { data, isPending, isError, isFetching } = useSearch({ q, kind, page });

  if (!/[\p{L}\p{N}]/u.test(q)) return <Empty description={t('search.typeSomething')} />;
  if (isError) return <Alert type="error" showIcon message={t('search.failed')} />;
  if (isPending) return <Skeleton active />;

  const all = data.kinds.reduce((n, k) => n + k.count, 0);
  const options = [
    { value: '', label: `${t('search.all')} (${all})` },
    ...SEARCH_KINDS.filter((k) => data.kinds.some((c) => c.kind === k) || k === kind).map((k) => ({
      value: k,
      label: `${t(`search.kinds.${k}`)} (${data.kinds.find((c) => c.kind === k)?.count ?? 0})`,
    })),
  ];

  return (
    <div aria-busy={isFetching}>
      <Typography.Paragraph role="status">{t('search.summary', { count: data.total, q })}</Typography.Paragraph>
      {all > 0 ? (
        <div style={{ overflowX: 'auto', marginBottom: 12 }}>
          <Segmented
            aria-label={t('search.filterByKind')}
            options={options}
            value={kind ?? ''}
            onChange={(v) => onChange({ kind: v ? String(v) : undefined, page: 1 })}
          />
        </div>
      ) : null}
      {data.items.length === 0 ? (
        <Empty description={t('search.empty', { q })} />
      ) : (
        <List dataSource={data.items} rowKey={(h) => `${h.kind}:${h.id}`} renderItem={(h) => <Hit hit={h} />} />
      )}
      {data.total > PAGE_SIZE ? (
        <Pagination
          style={{ marginTop: 16 }}
          current={page}
          pageSize={PAGE_SIZE}
          total={data.total}
          showSizeChanger={false}
          onChange={(p) => onChange({ kind, page: p })}
          simple
        />
      ) : null}
    </div>
  );
}
