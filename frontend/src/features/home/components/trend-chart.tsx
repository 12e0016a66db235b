import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TrendPoint {
  year: number;
  value: number;
  text: string;
}

const PRIMARY = 'var(--ant-color-primary, #1677ff)';

/** One indicator over the plan's years, a column per year; a click on a column picks that year. */
export default function TrendChart({ points, onSelectYear }: { points: TrendPoint[]; onSelectYear?: (year: number) => void }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={points} margin={{ top: 20, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis dataKey="year" tick={{ fontSize: 12 }} />
        <YAxis hide />
        <Tooltip formatter={(_v, _n, item) => [(item.payload as TrendPoint).text, '']} separator="" />
        <Bar
          dataKey="value"
          fill={PRIMARY}
          radius={[4, 4, 0, 0]}
          isAnimationActive={false}
          cursor={onSelectYear ? 'pointer' : undefined}
          onClick={onSelectYear ? (entry) => onSelectYear((entry.payload as TrendPoint).year) : undefined}
        >
          <LabelList dataKey="text" position="top" style={{ fontSize: 12, fill: 'currentColor' }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
