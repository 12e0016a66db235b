import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type CalendarFeeds = components['schemas']['Training_Calendar_CalendarFeeds'];
export type CalendarFeedLink = components['schemas']['Training_Calendar_CalendarFeedLink'];

const FEEDS_KEY = ['training', 'calendar', 'feeds'] as const;

export const calendarFeedsQueryOptions = () =>
  queryOptions({ queryKey: FEEDS_KEY, queryFn: () => unwrap(api.GET('/api/v1/training/calendar/token')) });

/** The signed-in user's personal calendar feed links (iCalendar), and rotating their secret token. */
export function useCalendarFeeds() {
  return useQuery(calendarFeedsQueryOptions());
}

/** What a page offers to put in a calendar: one course, the user's own schedule, a partner's or a unit's courses. */
export type CalendarTarget = { kind: 'course'; courseId: string } | { kind: 'me' } | { kind: 'partner'; id: string } | { kind: 'unit'; id: string };

/** The feed URL of a target (null when the user has no such feed, e.g. a unit they hold no role over). */
export function feedUrlOf(feeds: CalendarFeeds, target: CalendarTarget): string | null {
  switch (target.kind) {
    case 'course':
      return feeds.courseFeedTemplate.replace('{courseId}', encodeURIComponent(target.courseId));
    case 'me':
      return feeds.feeds.find((f) => f.kind === 'Me')?.url ?? null;
    case 'partner':
      return feeds.feeds.find((f) => f.kind === 'Partner' && f.id === target.id)?.url ?? null;
    case 'unit':
      return feeds.feeds.find((f) => f.kind === 'Unit' && f.id === target.id)?.url ?? null;
  }
}

export function useRotateCalendarToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/training/calendar/token/rotate')),
    onSuccess: (feeds) => queryClient.setQueryData(FEEDS_KEY, feeds),
  });
}
