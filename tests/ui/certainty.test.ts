import { describe, expect, test } from 'vitest';
import { formatBarPercent, formatCertainty } from '../../src/ui/certainty';

describe('certainty, said honestly', () => {
  test('never "100%" for an output below 1: "> 99.9%" instead', () => {
    expect(formatCertainty(0.99996)).toBe('> 99.9%');
    expect(formatCertainty(1)).toBe('> 99.9%');
    // Rounded down: 99.949% does not yet read as "> 99.9%".
    expect(formatCertainty(0.99949)).toBe('99.9%');
    expect(formatCertainty(0.9946)).toBe('99.4%');
  });

  test('whole percent below 99%, "< 0.1%" for a trace', () => {
    expect(formatCertainty(0.874)).toBe('87%');
    expect(formatCertainty(0.0004)).toBe('< 0.1%');
    expect(formatCertainty(0)).toBe('0%');
  });

  test('the bars: at most three characters, ">99" and "<1" at the ends', () => {
    expect(formatBarPercent(0.9996)).toBe('>99');
    expect(formatBarPercent(0.994)).toBe('99');
    expect(formatBarPercent(0.5)).toBe('50');
    expect(formatBarPercent(0.004)).toBe('<1');
    expect(formatBarPercent(0)).toBe('0');
    for (let p = 0; p <= 1; p += 0.0001) expect(formatBarPercent(p).length).toBeLessThanOrEqual(3);
  });
});
