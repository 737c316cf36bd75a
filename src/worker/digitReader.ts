// The user's test digits read by the model that answers drawings, all in one batch: the page counts
// how many are read right ("Your handwriting: 14 of 15"). The same forward pass as a drawing's
// prediction, without its saliency.
import type { Sequential } from '../nn/sequential';
import type { FromWorker } from '../protocol/protocol';

/** Images per forward pass: a few hundred drawings never need a large buffer. */
const BATCH = 256;
const NO_READING = 255;

/** The index of the highest score (the first of equal ones). */
function argmax(scores: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
  return best;
}

export async function readDigits(
  model: Sequential | null,
  id: number,
  pixels: Float32Array,
  emit: (message: FromWorker) => void,
): Promise<void> {
  if (!model) {
    emit({ type: 'digitsRead', id, digits: null, error: 'There is no model to read them yet.' });
    return;
  }
  try {
    const inputs = model.inputDim;
    const count = pixels.length / inputs;
    const digits = new Uint8Array(count);
    let all: Float32Array | null = null;
    for (let start = 0; start < count; start += BATCH) {
      const rows = Math.min(BATCH, count - start);
      const probabilities = await model.predict(pixels.subarray(start * inputs, (start + rows) * inputs));
      const classes = probabilities.length / rows;
      all ??= new Float32Array(count * classes);
      all.set(probabilities, start * classes);
      for (let row = 0; row < rows; row++) {
        const scores = probabilities.subarray(row * classes, (row + 1) * classes);
        digits[start + row] = Array.from(scores).every(Number.isFinite) ? argmax(scores) : NO_READING;
      }
    }
    emit({ type: 'digitsRead', id, digits, ...(all ? { probabilities: all } : {}) });
  } catch (error) {
    emit({ type: 'digitsRead', id, digits: null, error: (error as Error).message });
  }
}
