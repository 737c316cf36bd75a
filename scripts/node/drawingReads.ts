// How a model reads the 60 hand-drawn digits of tests/fixtures/drawnDigits.json: shared by
// train:headless --drawn-digits (drawnDigits.ts) and --handwriting (handwriting.ts).
import type { Sequential } from '../../src/index';
import { drawnDigits } from '../../tests/cases/drawnStrokes';

/** The model's guess for every drawing (784 inputs each, in the fixture's order), and how it did. */
export async function readDrawings(model: Sequential, pixels: Float32Array) {
  const probabilities = await model.predict(pixels);
  const guesses = drawnDigits.map((_, i) => {
    const row = probabilities.subarray(i * 10, (i + 1) * 10);
    return row.indexOf(Math.max(...row));
  });
  const correct = guesses.filter((g, i) => g === drawnDigits[i].label).length;
  // How sure it is of the right answer: finer than the count when nearly all are right.
  const rightProbability =
    drawnDigits.reduce((sum, d, i) => sum + probabilities[i * 10 + d.label], 0) / drawnDigits.length;
  const mistakes = drawnDigits.flatMap((d, i) =>
    guesses[i] === d.label ? [] : [`${d.label}→${guesses[i]}`],
  );
  return {
    correct,
    count: drawnDigits.length,
    accuracy: correct / drawnDigits.length,
    rightProbability,
    guesses,
    mistakes,
  };
}
