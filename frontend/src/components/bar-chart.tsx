import { Skeleton, Typography } from 'antd';
import { lazy, Suspense } from 'react';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** What the bar says next to it (already formatted). */
  text: string;
}

// recharts is loaded only when a chart is on screen, so the login route and the pages without charts stay light.
const HorizontalBars = lazy(() => import('./charts/horizontal-bars'));

/**
 * A horizontal bar chart drawn by recharts. The chart is decoration for sighted users (aria-hidden); screen readers
 * read the same figures as a list of "label: value".
 */
export function BarChart({
  bars,
  title,
  testId = 'bar-chart',
  onSelect,
}: {
  bars: Bar[];
  title: string;
  testId?: string;
  /** Called with the bar's key when a bar is clicked (drill-down). */
  onSelect?: (key: string) => void;
}) {
  return (
    <figure style={{ margin: 0 }} aria-label={title} data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      <div aria-hidden="true" style={{ height: Math.max(80, bars.length * 34 + 24), marginTop: 8 }}>
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 60 }} />}>
          <HorizontalBars bars={bars} onSelect={onSelect} />
        </Suspense>
      </div>
      <ul className="visually-hidden">
        {bars.map((bar) => (
          <li key={bar.key}>
            {bar.label}: {bar.text}
          </li>
        ))}
      </ul>
    </figure>
  );
}
