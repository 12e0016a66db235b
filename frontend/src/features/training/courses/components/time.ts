import { dayjs } from '@/lib/format/date';
import { TIME_ZONE } from '@/config/locale';

/** Sessions are entered and shown in Vietnam time (UTC+7 all year, no daylight saving). */
export const VN_OFFSET = '+07:00';

export const local = (iso: string) => dayjs(iso).tz(TIME_ZONE);

/** "yyyy-MM-dd" + "HH:mm" in Vietnam → ISO 8601 with offset, as the API takes it. */
export const toOffsetIso = (day: string, time: string) => `${day}T${time}:00${VN_OFFSET}`;

/** Monday 00:00 (Vietnam) of the week holding the instant. */
export function weekStart(iso?: string) {
  const d = (iso ? local(iso) : dayjs().tz(TIME_ZONE)).startOf('day');
  return d.subtract((d.day() + 6) % 7, 'day');
}

export const timeRange = (startsAt: string, endsAt: string) => `${local(startsAt).format('HH:mm')}–${local(endsAt).format('HH:mm')}`;
