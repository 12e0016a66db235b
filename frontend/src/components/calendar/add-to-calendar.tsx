import { App, Button, Space, Tooltip } from 'antd';
import { CalendarOutlined, LinkOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarFeedsQueryOptions, feedUrlOf, type CalendarTarget } from './calendar-feeds';

/**
 * "Add to calendar" (#16), on course, partner, unit and personal pages: downloads the target's iCalendar file (.ics, opened by any calendar app) and copies the
 * address to subscribe to, so the calendar follows later changes. The address carries the user's personal calendar
 * code (no sign-in needed by the calendar app), read when the button is used.
 */
export function AddToCalendar({ target, fileName }: { target: CalendarTarget; fileName: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<'download' | 'copy' | null>(null);

  const urlOf = async () => feedUrlOf(await queryClient.fetchQuery(calendarFeedsQueryOptions()), target);

  const download = async () => {
    setBusy('download');
    try {
      const url = await urlOf();
      if (!url) return void message.warning(t('calendar.noFeed'));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.rel = 'noopener';
      document.body.appendChild(link);
      link.click();
      link.remove();
    } catch {
      void message.error(t('states.errorServer'));
    } finally {
      setBusy(null);
    }
  };

  const copy = async () => {
    setBusy('copy');
    try {
      const url = await urlOf();
      if (!url) return void message.warning(t('calendar.noFeed'));
      await navigator.clipboard.writeText(url);
      void message.success(t('calendar.subscribeCopied'));
    } catch {
      void message.warning(t('calendar.copyFailed'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space.Compact>
      <Button icon={<CalendarOutlined />} onClick={() => void download()} loading={busy === 'download'} data-testid="add-to-calendar">
        {t('calendar.add')}
      </Button>
      <Tooltip title={t('calendar.subscribe')}>
        <Button
          icon={<LinkOutlined />}
          onClick={() => void copy()}
          loading={busy === 'copy'}
          aria-label={t('calendar.subscribe')}
          data-testid="copy-calendar-link"
        />
      </Tooltip>
    </Space.Compact>
  );
}
