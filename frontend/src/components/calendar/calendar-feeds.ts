import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type CalendarFeeds = components['schemas']['Training_Calendar_CalendarFeeds'];
export type CalendarFeedLink = components['schemas']['Training_Calendar_CalendarFeedLink'];

export const CALENDAR_FEEDS_KEY = ['training', 'calendar', 'feeds'] as const;

/** The signed-in user's calendar feed links (iCalendar); the personal token behind them is made on the first ask. */
export const calendarFeedsQueryOptions = () =>
  queryOptions({ queryKey: CALENDAR_FEEDS_KEY, queryFn: () => unwrap(api.GET('/api/v1/training/calendar/token')) });

/** What a page offers to put in a calendar: one course, the user's own schedule, a partner's or a unit's courses. */
export type CalendarTarget = { kind: 'course'; courseId: string } | { kind: 'me' } | { kind: 'partner'; id: string } | { kind: 'unit'; id: string };

/**
 * The feed URL of a target. A course, unit or partner page uses the feed's template (any record the user may read;
 * the feed answers 404 otherwise); null when the user has no personal feed of that kind.
 */
export function feedUrlOf(feeds: CalendarFeeds, target: CalendarTarget): string | null {
  switch (target.kind) {
    case 'course':
      return feeds.courseFeedTemplate.replace('{courseId}', encodeURIComponent(target.courseId));
    case 'me':
      return feeds.feeds.find((f) => f.kind === 'Me')?.url ?? null;
    case 'partner':
      return feeds.partnerFeedTemplate.replace('{partnerId}', encodeURIComponent(target.id));
    case 'unit':
      return feeds.unitFeedTemplate.replace('{unitId}', encodeURIComponent(target.id));
  }
}
