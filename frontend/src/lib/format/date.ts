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
