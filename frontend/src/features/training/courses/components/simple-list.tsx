import { Typography } from 'antd';

/** A plain list of rows (AntD's List is deprecated): the row's content, and its actions on the right or below. */
export function SimpleList<T>({
  items,
  empty,
  label,
  rowKey,
  render,
  actions,
}: {
  items: T[];
  empty: string;
  label?: string;
  rowKey: (item: T) => string;
  render: (item: T) => React.ReactNode;
  actions?: (item: T) => React.ReactNode;
}) {
  if (items.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <ul aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((item) => (
        <li
          key={rowKey(item)}
          style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0', display: 'flex', gap: 8, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}
        >
          <div style={{ minWidth: 0, flex: '1 1 200px' }}>{render(item)}</div>
          {actions && <div>{actions(item)}</div>}
        </li>
      ))}
    </ul>
  );
}
