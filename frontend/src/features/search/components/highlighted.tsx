import type { SearchMark } from '../api/search';

/**
 * A text with its matched stretches in <mark>. The API sends ranges, not HTML: every piece is a React text node,
 * so nothing in a record can ever be rendered as markup.
 */
export function Highlighted({ text, marks }: { text: string; marks: readonly SearchMark[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, m.start);
    const end = Math.min(text.length, m.start + m.length);
    if (end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
