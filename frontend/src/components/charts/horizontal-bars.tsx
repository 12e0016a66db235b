import { Bar as RechartsBar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Bar } from '../bar-chart';

const PRIMARY = 'var(--ant-color-primary, #1677ff)';

/** Long unit names are cut on the axis (the tooltip and the list beside the chart keep them whole). */
const short = (label: string) => (label.length > 28 ? `${label.slice(0, 27)}…` : label);

/** Bars with their labels on the left and the formatted value at their end; a click on a bar selects it. */
export default function HorizontalBars({ bars, onSelect }: { bars: Bar[]; onSelect?: (key: string) => void }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* No accessibility layer: the chart sits under aria-hidden (the list beside it is what screen readers read), so
          nothing inside may take the focus (axe: aria-hidden-focus). */}
      <BarChart data={bars} layout="vertical" margin={{ top: 0, right: 72, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" hide />
        <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 11 }} interval={0} tickFormatter={short} />
        <Tooltip formatter={(_value, _name, item) => [(item.payload as Bar).text, (item.payload as Bar).label]} />
        <RechartsBar
          dataKey="value"
          fill={PRIMARY}
          radius={[0, 4, 4, 0]}
          isAnimationActive={false}
          cursor={onSelect ? 'pointer' : undefined}
          onClick={onSelect ? (entry) => onSelect((entry.payload as Bar).key) : undefined}
        >
          <LabelList dataKey="text" position="right" style={{ fontSize: 12, fill: 'currentColor' }} />
        </RechartsBar>
      </BarChart>
    </ResponsiveContainer>
  );
}
