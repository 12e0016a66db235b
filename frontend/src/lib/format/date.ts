import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { DATE_FORMAT, DATE_TIME_FORMAT, TIME_ZONE } from '@/config/locale';

dayjs.extend(utc);
dayjs.extend(timezone);

export function formatDate(value: string | number | Date | null | undefined): string {
  return value == null ? '' : dayjs(value).tz(TIME_ZONE).format(DATE_FORMAT);
}

export function formatDateTime(value: string | number | Date | null | undefined): string {
  return value == null ? '' : dayjs(value).tz(TIME_ZONE).format(DATE_TIME_FORMAT);
}

export { dayjs };

/** A calendar date from the API ("yyyy-MM-dd") shown as dd/MM/yyyy; no time zone conversion. */
export function formatIsoDate(value: string | null | undefined): string {
  return value ? dayjs(value).format(DATE_FORMAT) : '';
}

/** A picked date as the API's "yyyy-MM-dd". */
export function toIsoDate(value: dayjs.Dayjs): string {
  return value.format('YYYY-MM-DD');
}

/** Today's date in the province's time zone, as a date-only value for pickers. */
export function todayInProvince(): dayjs.Dayjs {
  return dayjs(dayjs().tz(TIME_ZONE).format('YYYY-MM-DD'));
}
