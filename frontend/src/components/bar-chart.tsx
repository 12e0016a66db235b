import { Flex, Typography } from 'antd';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** What the bar says next to it (already formatted). */
  text: string;
}

/**
 * A small horizontal bar chart in plain HTML/CSS (no chart library: bundle budget). Each bar is a labelled row,
 * so screen readers read "label: value" as a list.
 */
export function BarChart({ bars, title, testId = 'bar-chart' }: { bars: Bar[]; title: string; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure style={{ margin: 0 }} aria-label={title} data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
        {bars.map((bar) => (
          <li key={bar.key} style={{ marginBottom: 6 }}>
            <Flex gap={8} align="center">
              <span style={{ flex: '0 0 34%', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={bar.label}>
                {bar.label}
              </span>
              <span style={{ flex: 1, background: 'rgba(0,0,0,0.04)', borderRadius: 4, height: 18 }}>
                <span
                  style={{
                    display: 'block',
                    width: `${(bar.value / max) * 100}%`,
                    minWidth: bar.value > 0 ? 2 : 0,
                    height: '100%',
                    borderRadius: 4,
                    background: 'var(--ant-color-primary, #1677ff)',
                  }}
                />
              </span>
              <span style={{ flex: '0 0 auto', minWidth: 70, textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>{bar.text}</span>
            </Flex>
          </li>
        ))}
      </ul>
    </figure>
  );
}
