import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type CalendarFeeds = components['schemas']['Training_Calendar_CalendarFeeds'];
export type CalendarFeedLink = components['schemas']['Training_Calendar_CalendarFeedLink'];

const FEEDS_KEY = ['training', 'calendar', 'feeds'] as const;

/** The signed-in user's personal calendar feed links (iCalendar), and rotating their secret token. */
export function useCalendarFeeds() {
  return useQuery({ queryKey: FEEDS_KEY, queryFn: () => unwrap(api.GET('/api/v1/training/calendar/token')) });
}

export function useRotateCalendarToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/training/calendar/token/rotate')),
    onSuccess: (feeds) => queryClient.setQueryData(FEEDS_KEY, feeds),
  });
}
