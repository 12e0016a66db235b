import { Alert, Badge, Card, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format/date';
import { useUnitScope } from '@/lib/scope/use-unit-scope';
import { useMyTodos, type TodoItem } from '../api/home';

/**
 * An officer's to-dos for the unit in scope (the header's scope box), above the plan dashboard: reports due, courses
 * open for nomination, emulation registrations, commendation decisions, initiatives awaiting recognition. Each item
 * links to the screen where it is done; a past due date is marked overdue.
 */
/** The height the to-do list always takes: about five rows on a wide screen, three on a phone. */
export const TODOS_HEIGHT = 200;

export function OfficerTodos() {
  const { t } = useTranslation();
  const { unitId } = useUnitScope();
  const todos = useMyTodos(unitId, true);
  const items = todos.data?.items ?? [];
  return (
    <Card style={{ marginBottom: 16 }} data-testid="officer-todos">
      <Typography.Title
        level={2}
        style={{ fontSize: 18, marginTop: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
        title={todos.data ? `${t('todos.title')} · ${todos.data.unit.name}` : undefined}
      >
        {t('todos.title')}
        {todos.data ? ` · ${todos.data.unit.name}` : ''}
      </Typography.Title>
      {/* The list keeps one height whether loading, empty or full (it scrolls beyond it), so the dashboard below does
          not jump when the to-dos arrive (#17: the home page's layout shift). */}
      <div
        data-testid="officer-todos-body"
        role="region"
        aria-label={t('todos.title')}
        aria-busy={todos.isPending}
        tabIndex={0}
        style={{ height: TODOS_HEIGHT, overflowY: 'auto' }}
      >
        {todos.isPending ? (
          <Skeleton active title={false} paragraph={{ rows: 4 }} />
        ) : todos.isError ? (
          <Alert type="warning" showIcon message={t('todos.loadError')} />
        ) : items.length === 0 ? (
          <Typography.Text type="secondary">{t('todos.empty')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={items}
            renderItem={(item, n) => <TodoRow key={`${item.kind}-${n}`} item={item} />}
          />
        )}
      </div>
    </Card>
  );
}

function TodoRow({ item }: { item: TodoItem }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid={`todo-${item.kind}`} style={{ flexWrap: 'wrap', gap: 8 }}>
      <span style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', minWidth: 0 }}>
        <Tag color={KIND_COLOURS[item.kind] ?? 'default'}>{t(`todos.kind.${item.kind}`, { defaultValue: item.kind })}</Tag>
        <Link to={item.link} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Link>
        {item.count != null ? <Badge count={item.count} overflowCount={999} color="blue" /> : null}
      </span>
      {item.dueOn ? (
        <span>
          {item.overdue ? (
            <Tag color="red">{t('todos.overdue', { date: formatDate(item.dueOn) })}</Tag>
          ) : (
            <Typography.Text type="secondary">{t('todos.due', { date: formatDate(item.dueOn) })}</Typography.Text>
          )}
        </span>
      ) : null}
    </List.Item>
  );
}

const KIND_COLOURS: Record<string, string> = {
  'report-due': 'volcano',
  'reports-missing': 'orange',
  'course-open': 'green',
  'registration-due': 'purple',
  'commendation-decision': 'gold',
  'initiative-recognition': 'cyan',
  'budget-approval': 'blue',
  'tranche-approval': 'geekblue',
  'tranche-payment': 'lime',
  'obligation-funding': 'magenta',
  'focal-missing': 'red',
};
