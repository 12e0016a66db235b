import { useTranslation } from 'react-i18next';
import type { SubmissionCounts } from '../api/synthesis';
import { formatNumber } from '../format';

export const SUBMISSION_COLORS = { onTime: '#389e0d', late: '#fa8c16', notSubmitted: '#d9d9d9' } as const;
const PARTS = ['onTime', 'late', 'notSubmitted'] as const;

/**
 * One bar split into on time / late / not submitted (no chart library: a row of flex segments). The numbers are
 * in the accessible label and the legend, the colours only repeat them.
 */
export function SubmissionBar({ counts, height = 20, legend = true }: { counts: SubmissionCounts; height?: number; legend?: boolean }) {
  const { t, i18n } = useTranslation();
  const total = counts.onTime + counts.late + counts.notSubmitted;
  const label = PARTS.map((p) => `${t(`reports.synthesis.counts.${p}`)}: ${formatNumber(counts[p], i18n.language)}`).join(', ');
  return (
    <div>
      <div
        role="img"
        aria-label={label}
        title={label}
        style={{ display: 'flex', height, borderRadius: 4, overflow: 'hidden', background: '#f0f0f0', minWidth: 80 }}
      >
        {total > 0
          ? PARTS.map((p) =>
              counts[p] > 0 ? (
                <div key={p} data-part={p} style={{ width: `${(counts[p] / total) * 100}%`, background: SUBMISSION_COLORS[p] }} />
              ) : null,
            )
          : null}
      </div>
      {legend ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginTop: 8, fontSize: 13 }} aria-hidden>
          {PARTS.map((p) => (
            <span key={p} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
              <span style={{ width: 12, height: 12, borderRadius: 2, background: SUBMISSION_COLORS[p], display: 'inline-block' }} />
              {t(`reports.synthesis.counts.${p}`)} ({formatNumber(counts[p], i18n.language)})
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** A small horizontal bar for a value against the largest comparable one. */
export function ValueBar({ value, max, width = 140 }: { value: number; max: number; width?: number }) {
  const share = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  return (
    <svg width={width} height={10} aria-hidden focusable="false" style={{ display: 'block' }}>
      <rect x={0} y={0} width={width} height={10} rx={2} fill="#f0f0f0" />
      {share > 0 ? <rect x={0} y={0} width={Math.max(2, share * width)} height={10} rx={2} fill="#1677ff" /> : null}
    </svg>
  );
}
