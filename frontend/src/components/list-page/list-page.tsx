import { Button, Card, Flex, Input, Table, Typography } from 'antd';
import type { TableColumnType, TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';
import { EmptyState, ErrorState } from '@/components/states';
import { PAGE_SIZES, type ListParams } from './use-list-params';

export interface PagedResult<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A column whose `sortKey` is the server's sort field; the table reflects and writes `sort` in the URL. */
export type ListColumn<T> = TableColumnType<T> & { sortKey?: string };

export interface ListPageProps<T, F extends string> {
  title: ReactNode;
  extra?: ReactNode;
  /** A sentence under the title saying what the list holds. */
  intro?: ReactNode;
  /** `data-testid` of the table, for tests that find rows in it. */
  testId?: string;
  /** Filter controls, rendered beside the search box. */
  filters?: ReactNode;
  columns: ListColumn<T>[];
  rowKey: keyof T & string;
  query: UseQueryResult<PagedResult<T>>;
  params: ListParams<F>;
  update: (changes: Partial<Record<'page' | 'pageSize' | 'sort' | 'q', string | number | undefined>>) => void;
  reset: () => void;
  isFiltered: boolean;
  searchPlaceholder?: string;
  emptyAction?: ReactNode;
  /** What an empty, unfiltered list says (the generic "nothing here yet" otherwise). */
  emptyText?: string;
}

function sortOrderOf(sort: string, key: string): SortOrder {
  if (sort === key) return 'ascend';
  if (sort === `-${key}`) return 'descend';
  return null;
}

/** Server-side paging, sorting, search and filters, with loading, empty and error states. */
export function ListPage<T extends object, F extends string>({
  title,
  extra,
  intro,
  testId,
  filters,
  columns,
  rowKey,
  query,
  params,
  update,
  reset,
  isFiltered,
  searchPlaceholder,
  emptyAction,
  emptyText,
}: ListPageProps<T, F>) {
  const { t } = useTranslation();
  const searchId = useId();
  const [search, setSearch] = useState(params.q);
  // Keep the box in step when the URL changes (back button, "clear filters").
  useEffect(() => setSearch(params.q), [params.q]);

  // Debounce typing so the server is asked once the user pauses.
  useEffect(() => {
    if (search === params.q) return;
    const timer = setTimeout(() => update({ q: search.trim() || undefined }), 350);
    return () => clearTimeout(timer);
  }, [search, params.q, update]);

  const tableColumns = columns.map(({ sortKey, ...column }) =>
    sortKey ? { ...column, key: sortKey, sorter: true, sortOrder: sortOrderOf(params.sort, sortKey) } : column,
  );

  const onChange: TableProps<T>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const sortKey = s?.order ? String(s.columnKey) : undefined;
    const sort = sortKey ? (s?.order === 'descend' ? `-${sortKey}` : sortKey) : undefined;
    if (sort !== undefined && sort !== params.sort) {
      update({ sort });
    } else if (!s?.order && s?.columnKey && sortOrderOf(params.sort, String(s.columnKey))) {
      update({ sort: undefined });
    } else {
      update({ page: pagination.current, pageSize: pagination.pageSize });
    }
  };

  const data = query.data;

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {title}
        </Typography.Title>
      }
      extra={extra}
      styles={{ body: { paddingTop: 12 } }}
    >
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      <Flex gap={8} wrap style={{ marginBottom: 12 }} role="search">
        <label htmlFor={searchId} className="visually-hidden">
          {t('common.search')}
        </label>
        <Input.Search
          id={searchId}
          allowClear
          value={search}
          placeholder={searchPlaceholder ?? t('list.searchPlaceholder')}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          style={{ flex: '1 1 240px', maxWidth: 420 }}
        />
        {filters}
      </Flex>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<T>
          rowKey={rowKey}
          data-testid={testId}
          columns={tableColumns}
          dataSource={data?.items ?? []}
          loading={query.isFetching}
          onChange={onChange}
          // No horizontal scroll: columns wrap, and screens hide secondary columns on phones (`responsive`).
          tableLayout="auto"
          size="middle"
          locale={{
            emptyText: query.isPending ? (
              ' '
            ) : isFiltered ? (
              <EmptyState
                description={t('states.noResults')}
                action={<Button onClick={reset}>{t('states.clearFilters')}</Button>}
              />
            ) : (
              <EmptyState description={emptyText} action={emptyAction} />
            ),
          }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String),
            showTotal: (total, [from, to]) => t('list.total', { from, to, total }),
            responsive: true,
          }}
        />
      )}
    </Card>
  );
}
