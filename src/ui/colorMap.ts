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
