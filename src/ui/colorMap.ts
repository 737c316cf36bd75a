// A diverging colour map for signed values: blue (negative), white (zero), red (positive),
// symmetric around 0 so that white always means "no weight" and equal magnitudes look equally strong.

const NEGATIVE = [33, 102, 172]; // ColorBrewer RdBu's darkest blue
const POSITIVE = [178, 24, 43]; // and its darkest red

/** RGB for `value` on a scale where ±scale are the full colours (values beyond are clamped). */
export function diverging(value: number, scale: number): [number, number, number] {
  const t = scale > 0 && Number.isFinite(value) ? Math.max(-1, Math.min(1, value / scale)) : 0;
  const end = t < 0 ? NEGATIVE : POSITIVE;
  const a = Math.abs(t);
  return [0, 1, 2].map((i) => Math.round(255 + (end[i] - 255) * a)) as [number, number, number];
}

/** WCAG relative luminance of an sRGB colour (0 black to 1 white). */
export function luminance([r, g, b]: readonly number[]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: readonly number[], b: readonly number[]): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Black or white, whichever reads better on `background` (at least 4.5:1 for any background). */
export function readableOn(background: readonly number[]): '#000' | '#fff' {
  return contrast(background, [0, 0, 0]) >= contrast(background, [255, 255, 255]) ? '#000' : '#fff';
}
