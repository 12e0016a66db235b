import { Tag } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * AntD's preset tag colours are too light on their tinted backgrounds for WCAG AA: the same hues, darker. Every
 * status tag of the SPA uses these tones.
 */
export const TONES = {
  neutral: {},
  gold: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  blue: { color: '#0958d9', background: '#e6f4ff', borderColor: '#91caff' },
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  green: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' },
  volcano: { color: '#ad2102', background: '#fff2e8', borderColor: '#ffbb96' },
  grey: { color: '#434343', background: '#fafafa', borderColor: '#d9d9d9' },
  purple: { color: '#391085', background: '#f9f0ff', borderColor: '#d3adf7' },
  geekblue: { color: '#10239e', background: '#f0f5ff', borderColor: '#adc6ff' },
} satisfies Record<string, CSSProperties>;

export type Tone = keyof typeof TONES;

export function ToneTag({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <Tag style={TONES[tone]} data-testid={testId}>
      {children}
    </Tag>
  );
}
