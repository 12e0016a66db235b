import { Typography } from 'antd';
import { formatDong, type Amount } from '../lib/money';

/** An amount of VND, exact, right-aligned digits. */
export function Money({ value, strong }: { value: Amount | null | undefined; strong?: boolean }) {
  return <Typography.Text strong={strong} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatDong(value)}</Typography.Text>;
}
