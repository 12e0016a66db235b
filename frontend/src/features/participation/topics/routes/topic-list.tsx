import '../strings';
import { Button, Checkbox, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { useDocumentTitle } from '@/components/page/form-page';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatIsoDate } from '@/lib/format/date';
import { formatVnd } from '../../initiatives/components/vnd';
import {
  TOPIC_STATUSES,
  useResearchCalls,
  useTopics,
  type AcceptanceRating,
  type ListTopicsQuery,
  type TopicListItem,
  type TopicStatus,
} from '../api/topics';
import { LateTag, RatingTag, TopicStatusTag } from '../components/topic-tags';
import { topicPaths } from '../paths';

const FILTERS = ['status', 'field', 'callId', 'late'] as const;

/** The research topics the user reads (their units' subtrees; the ordering unit sees all proposed to its calls), searchable without diacritics. */
export function TopicListRoute() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const canPropose = useHasPermission(PERMISSIONS.topicsPropose);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: '-createdAt', filterKeys: FILTERS });
  const f = params.filters;
  const status = TOPIC_STATUSES.includes(f.status as TopicStatus) ? (f.status as TopicStatus) : undefined;
  const late = f.late === 'true';
  const query: ListTopicsQuery = {
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    ...(params.q ? { q: params.q } : {}),
    ...(status ? { status } : {}),
    ...(f.field ? { field: f.field } : {}),
    ...(f.callId ? { callId: f.callId } : {}),
    ...(late ? { late: true } : {}),
  };
  const topics = useTopics(query);
  const calls = useResearchCalls();
  const title = t('topics.title');
  useDocumentTitle(title);
  const label = (k: string) => t(`topics.fields.${k}`);

  const columns: ListColumn<TopicListItem>[] = [
    {
      title: label('title'),
      dataIndex: 'title',
      sortKey: 'title',
      render: (text: string, r) => (
        <>
          <Link to={topicPaths.detail(r.id)}>{text}</Link> {r.late ? <LateTag /> : null}
        </>
      ),
    },
    { title: label('status'), dataIndex: 'status', render: (s: TopicStatus, r) => <>{<TopicStatusTag status={s} />}{r.rating ? <RatingTag rating={r.rating as AcceptanceRating} /> : null}</> },
    { title: label('unit'), dataIndex: 'unitName', responsive: ['lg'] },
    { title: label('lead'), dataIndex: 'leadName', responsive: ['md'] },
    { title: label('field'), dataIndex: 'field', responsive: ['xl'] },
    { title: label('total'), dataIndex: 'budgetTotal', align: 'end', responsive: ['md'], render: (v: number) => formatVnd(v, i18n.language) },
    { title: label('nextDue'), dataIndex: 'nextDueDate', responsive: ['lg'], render: (d?: string | null) => (d ? formatIsoDate(d) : '') },
  ];

  return (
    <ListPage
      title={title}
      testId="topic-list"
      extra={
        canPropose ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(topicPaths.create())} data-testid="new-topic">
            {t('topics.newTopic')}
          </Button>
        ) : null
      }
      filters={
        <>
          <Select
            aria-label={label('status')}
            data-testid="status-filter"
            allowClear
            placeholder={label('status')}
            value={status}
            options={TOPIC_STATUSES.map((s) => ({ value: s, label: t(`topics.status.${s}`) }))}
            onChange={(s?: string) => update({ status: s })}
            style={{ width: 200, maxWidth: '100%' }}
          />
          <Select
            aria-label={label('call')}
            data-testid="call-filter"
            allowClear
            placeholder={t('topics.allCalls')}
            value={f.callId || undefined}
            options={(calls.data ?? []).map((c) => ({ value: c.id, label: `${c.title} (${c.year})` }))}
            onChange={(c?: string) => update({ callId: c })}
            style={{ width: 240, maxWidth: '100%' }}
          />
          <Input.Search
            aria-label={label('field')}
            placeholder={label('field')}
            defaultValue={f.field}
            allowClear
            onSearch={(v) => update({ field: v.trim() || undefined })}
            style={{ width: 200, maxWidth: '100%' }}
          />
          <Checkbox checked={late} onChange={(e) => update({ late: e.target.checked ? 'true' : undefined })} data-testid="late-filter">
            {t('topics.lateOnly')}
          </Checkbox>
        </>
      }
      columns={columns}
      rowKey="id"
      query={topics}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      searchPlaceholder={label('title')}
    />
  );
}

export { TopicListRoute as Component };
