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

/**
 * The date of an administrative document as Decree 30/2020/NĐ-CP (Appendix I, the place-and-date line) writes it: the
 * day below 10 and the months 1 and 2 get a leading zero, no other month does — "ngày 01 tháng 8 năm 2023",
 * "ngày 15 tháng 02 năm 2024", "ngày 05 tháng 12 năm 2025". The server's documents use the same rule
 * (`AdministrativeDocument.DateLine`).
 */
export function decreeThirtyDate(isoDate: string): string {
  const d = dayjs(isoDate);
  const month = d.month() + 1;
  return `ngày ${d.format('DD')} tháng ${month <= 2 ? `0${month}` : month} năm ${d.year()}`;
}
