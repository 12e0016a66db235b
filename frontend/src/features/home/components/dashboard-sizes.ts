/** Two lines of body text (14 px × 1.5715). */
export const TWO_LINES = 44;
/** A coverage card: the 64 px circle in a small card (12 px padding and 1 px border on each side). */
export const SHARE_HEIGHT = 90;
/** A single line that never wraps: the dashboard's unit keeps one line's height while the figures load. */
export const ONE_LINE = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;
