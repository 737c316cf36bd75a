import { expect, test } from 'vitest';
import { describeFavours, favouredClasses } from '../../src/ui/unitFavours';

// Two units, four classes: row u is unit u's weights to each class.
const kernel = new Float32Array([0.5, -0.2, 0.9, 0.1, /* unit 1 */ -0.3, -0.1, -0.7, -0.2]);

test('a unit favours the classes its largest positive outgoing weights go to, largest first', () => {
  expect(favouredClasses(kernel, 4, 0)).toEqual([2, 0, 3]);
  expect(describeFavours(kernel, 4, 0)).toBe('its outgoing weights favour 2, 0 and 3');
});

test('a unit whose outgoing weights are all negative favours none; one positive weight is named alone', () => {
  expect(favouredClasses(kernel, 4, 1)).toEqual([]);
  expect(describeFavours(kernel, 4, 1)).toBe('its outgoing weights favour no digit (all negative)');
  expect(describeFavours(new Float32Array([-1, 2, -3]), 3, 0)).toBe('its outgoing weights favour 1');
});

test('at most three digits are named, of ten', () => {
  const ten = Float32Array.from({ length: 10 }, (_, c) => c);
  expect(favouredClasses(ten, 10, 0)).toEqual([9, 8, 7]);
});
