import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { CALENDAR_FEEDS_KEY, calendarFeedsQueryOptions } from '@/components/calendar/calendar-feeds';

export type { CalendarFeedLink } from '@/components/calendar/calendar-feeds';

/** The signed-in user's personal calendar feed links (iCalendar), and rotating their secret token. */
export function useCalendarFeeds() {
  return useQuery(calendarFeedsQueryOptions());
}

export function useRotateCalendarToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/training/calendar/token/rotate')),
    onSuccess: (feeds) => queryClient.setQueryData(CALENDAR_FEEDS_KEY, feeds),
  });
}
