import './strings';
import { Badge, Button, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format/date';
import { useMarkNotificationRead, useNotifications, type NotificationItem } from './api';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "2 giờ trước" / "2 hours ago", in the UI language. */
export function relativeTime(iso: string, language: string, now = Date.now()): string | null {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(seconds) < 60) return null;
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s)!;
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

/**
 * The kind's own wording with its parameters when the SPA knows the kind and the notice carries every parameter the
 * wording uses (a notice stored before a parameter was added does not); the server's text otherwise.
 */
function useNotificationText() {
  const { t, i18n } = useTranslation();
  return (n: NotificationItem) => {
    const key = `notifications.kinds.${n.kind}`;
    if (!i18n.exists(key)) return n.text;
    const params: Record<string, string> = { ...(n.params ?? {}), comment: n.params?.comment ?? '' };
    const wording = t(key, { skipInterpolation: true });
    const used = [...wording.matchAll(/\{\{\s*([^\s}]+)\s*\}\}/g)].map((m) => m[1]!);
    return used.every((name) => name in params) ? t(key, params) : n.text;
  };
}

/**
 * The bell in the header: unread count as a badge (polled every minute and on window focus), the latest
 * notifications in a dropdown; choosing one marks it read and opens its link.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const query = useNotifications();
  const markRead = useMarkNotificationRead();
  const text = useNotificationText();
  const unread = query.data?.unreadCount ?? 0;
  const items = query.data?.items ?? [];

  const choose = (n: NotificationItem) => {
    if (!n.read) markRead.mutate(n.id);
    setOpen(false);
    if (n.link?.startsWith('/')) navigate(n.link);
  };

  const content = (
    <div style={{ width: 360, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-list">
      {query.isError ? (
        <Typography.Text type="danger">{t('notifications.failed')}</Typography.Text>
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{query.isPending ? t('common.loading') : t('notifications.empty')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 420, overflowY: 'auto' }}>
          {items.map((n) => (
            <li key={n.id} style={{ borderBottom: '1px solid #f0f0f0' }}>
              <button
                type="button"
                className="notification-item"
                onClick={() => choose(n)}
                data-testid="notification"
                data-read={n.read}
                style={{
                  display: 'flex',
                  gap: 8,
                  width: '100%',
                  textAlign: 'start',
                  padding: '10px 4px',
                  background: n.read ? 'transparent' : '#e6f4ff',
                  border: 0,
                  cursor: 'pointer',
                  font: 'inherit',
                  color: 'inherit',
                }}
              >
                <span
                  aria-hidden
                  style={{
                    flex: '0 0 8px',
                    height: 8,
                    marginTop: 7,
                    borderRadius: 4,
                    background: n.read ? 'transparent' : '#1677ff',
                  }}
                />
                <span style={{ flex: 1, minWidth: 0 }}>
                  {n.read ? null : <span className="visually-hidden">{t('notifications.unread')}: </span>}
                  <span style={{ display: 'block', fontWeight: n.read ? 400 : 600, overflowWrap: 'anywhere' }}>{text(n)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} title={formatDateTime(n.createdAtUtc)}>
                    {relativeTime(n.createdAtUtc, i18n.language) ?? t('notifications.justNow')}
                  </Typography.Text>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('notifications.title')}
      content={content}
      destroyOnHidden
    >
      <Button
        type="text"
        aria-label={unread ? t('notifications.open', { count: unread }) : t('notifications.openNone')}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid="notification-bell"
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
