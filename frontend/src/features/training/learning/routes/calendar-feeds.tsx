import '../strings';
import { Alert, App, Button, Card, Flex, Input, List, Popconfirm, Space, Typography } from 'antd';
import { CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format/date';
import { useCalendarFeeds, useRotateCalendarToken, type CalendarFeedLink } from '../api/calendar-feeds';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function FeedUrl({ label, url }: { label: string; url: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={url} aria-label={label} onFocus={(e) => e.currentTarget.select()} />
        <Button
          icon={<CopyOutlined />}
          title={t('trainingCertificates.calendar.copy')}
          aria-label={`${t('trainingCertificates.calendar.copy')}: ${label}`}
          onClick={async () => {
            if (await copyText(url)) void message.success(t('trainingCertificates.calendar.copied'));
            else void message.warning(t('trainingCertificates.calendar.copyFailed'));
          }}
        />
      </Space.Compact>
    </Flex>
  );
}

/** The user's iCalendar feed URLs, with copy buttons and a way to rotate the personal code behind them. */
export function CalendarFeedsRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feeds = useCalendarFeeds();
  const rotate = useRotateCalendarToken();

  useEffect(() => {
    document.title = `${t('trainingCertificates.calendar.title')} · ${t('app.name')}`;
  }, [t]);

  const label = (feed: CalendarFeedLink) => t(`trainingCertificates.calendar.kind.${feed.kind}`, { name: feed.name });

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
          {t('trainingCertificates.calendar.title')}
        </Typography.Title>
      }
    >
      {feeds.isPending ? (
        <LoadingState />
      ) : feeds.isError ? (
        <ErrorState error={feeds.error} onRetry={() => void feeds.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('trainingCertificates.calendar.intro')}</Typography.Paragraph>
          <Alert type="warning" showIcon title={t('trainingCertificates.calendar.warning')} />
          <List
            aria-label={t('trainingCertificates.calendar.feeds')}
            dataSource={feeds.data.feeds}
            rowKey={(feed) => `${feed.kind}-${feed.id ?? ''}`}
            renderItem={(feed) => (
              <List.Item>
                <FeedUrl label={label(feed)} url={feed.url} />
              </List.Item>
            )}
          />
          {/* No "{courseId}" to fill in by hand (#16): each course page has its own "add to calendar". */}
          <Typography.Text type="secondary">{t('trainingCertificates.calendar.courseTemplate')}</Typography.Text>
          <Flex wrap gap={8} align="center" justify="space-between">
            <Typography.Text type="secondary">
              {feeds.data.rotatedAt ? t('trainingCertificates.calendar.rotatedAt', { date: formatDateTime(feeds.data.rotatedAt) }) : null}
            </Typography.Text>
            <Popconfirm
              title={t('trainingCertificates.calendar.rotateTitle')}
              description={t('trainingCertificates.calendar.rotateConfirm')}
              onConfirm={() =>
                rotate.mutateAsync().then(
                  () => void message.success(t('trainingCertificates.calendar.rotated')),
                  () => void message.error(t('states.errorServer')),
                )
              }
            >
              <Button icon={<ReloadOutlined />} loading={rotate.isPending}>
                {t('trainingCertificates.calendar.rotate')}
              </Button>
            </Popconfirm>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}

export { CalendarFeedsRoute as Component };
