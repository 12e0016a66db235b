import { describe, expect, it } from 'vitest';
import { theme } from './antd-provider';

// WCAG 2.1 contrast (SC 1.4.3, AA: 4.5:1 for normal text) of the theme's text colours, composited over the
// backgrounds they are drawn on: white (pages, tables, an empty table's "no data") and AntD's disabled-field grey.
type Rgb = [number, number, number];

function parse(colour: string): { rgb: Rgb; alpha: number } {
  const rgba = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(colour);
  if (rgba) return { rgb: [Number(rgba[1]), Number(rgba[2]), Number(rgba[3])], alpha: rgba[4] === undefined ? 1 : Number(rgba[4]) };
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (!hex) throw new Error(`unexpected colour ${colour}`);
  const n = parseInt(hex[1] ?? '', 16);
  return { rgb: [(n >> 16) & 255, (n >> 8) & 255, n & 255], alpha: 1 };
}

function over(fg: string, background: Rgb): Rgb {
  const { rgb, alpha } = parse(fg);
  return rgb.map((c, i) => Math.round(c * alpha + (background[i] ?? 0) * (1 - alpha))) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const white: Rgb = [255, 255, 255];
const disabledField: Rgb = [245, 245, 245]; // AntD's colorBgContainerDisabled, rgba(0,0,0,0.04) over white

describe('the theme passes WCAG AA contrast (issue #16)', () => {
  const lighterTexts = {
    placeholder: theme.token.colorTextPlaceholder,
    disabled: theme.token.colorTextDisabled,
    'empty states (quaternary)': theme.token.colorTextQuaternary,
    tertiary: theme.token.colorTextTertiary,
    secondary: theme.token.colorTextSecondary,
    description: theme.token.colorTextDescription,
  };

  it.each(Object.entries(lighterTexts))('%s text is at least 4.5:1 on white and on a disabled field', (_, colour) => {
    expect(contrast(over(colour, white), white)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(over(colour, disabledField), disabledField)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['colorPrimary', 'colorPrimaryHover', 'colorPrimaryActive', 'colorError'] as const)(
    'white text on %s (buttons) is at least 4.5:1',
    (token) => {
      expect(contrast(white, over(theme.token[token], white))).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each(['colorLink', 'colorLinkHover', 'colorLinkActive', 'colorError'] as const)('%s on white is at least 4.5:1', (token) => {
    expect(contrast(over(theme.token[token], white), white)).toBeGreaterThanOrEqual(4.5);
  });
});
