import { expect, test } from 'vitest';
import { describeUnit, explainLayer, unitAtCell } from '../../src/ui/layerMeaning';
import { activationLayout } from '../../src/ui/network';

test('each layer kind says what it computes, with its input and output shapes', () => {
  expect(explainLayer('Dense(512, relu)', [784], [512])).toBe(
    'Dense(512, relu): each of its 512 units adds up the 784 numbers before it, each times its own weight, plus a bias, and keeps the sum if positive (ReLU). In (784) → out (512).',
  );
  expect(explainLayer('Dense(10, softmax)', [512], [10])).toMatch(
    /softmax turns the 10 sums into probabilities/,
  );
  expect(explainLayer('Conv2D(32, 3x3, relu)', [28, 28, 1], [26, 26, 32])).toMatch(
    /^Conv2D\(32, 3x3, relu\): 32 filters .* In \(28, 28, 1\) → out \(26, 26, 32\)\.$/,
  );
  expect(explainLayer('MaxPooling2D(2x2)', [26, 26, 32], [13, 13, 32])).toMatch(/2×2 patch/);
  expect(explainLayer('Flatten', [3, 3, 64], [576])).toMatch(/one row of 576 numbers/);
});

test('the cell under the pointer is the unit drawn there, for flat layers and maps, gaps excluded', () => {
  for (const shape of [[512], [10], [64], [7], [26, 26, 32], [5, 3, 7], [13, 13, 1]]) {
    const { width, height, at } = activationLayout(shape);
    const size = shape.reduce((a, b) => a * b, 1);
    const seen = new Set<number>();
    for (let i = 0; i < size; i++) {
      const [x, y] = at(i);
      expect(unitAtCell(shape, x, y), `${shape} unit ${i}`).toBe(i);
    }
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const unit = unitAtCell(shape, x, y);
        if (unit !== null) seen.add(unit);
      }
    expect(seen.size).toBe(size);
    expect(unitAtCell(shape, width, 0)).toBeNull();
    expect(unitAtCell(shape, -1, 0)).toBeNull();
  }
});

test('a unit reads as its number and value, a map cell as its place', () => {
  expect(describeUnit([512], 16, 2.314)).toBe('Unit 17 of 512: 2.31');
  expect(describeUnit([512], 0, null)).toBe('Unit 1 of 512: draw a digit to see its value');
  expect(describeUnit([26, 26, 32], 2 + 32 * (26 * 4 + 7), 0.4)).toBe('Map 3, row 5, column 8: 0.40');
});
