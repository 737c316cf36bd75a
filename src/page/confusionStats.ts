// Pure helpers over a confusion matrix ([classes, classes], rows true, columns predicted).

/** The confusion matrix counted on the CPU from labels and predictions: the reference for the kernel's. */
export function confusionFromPredictions(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): Uint32Array {
  const matrix = new Uint32Array(classes * classes);
  for (let i = 0; i < labels.length; i++) matrix[labels[i] * classes + predicted[i]]++;
  return matrix;
}

export interface ConfusionSummary {
  total: number;
  correct: number;
  /** Per true class: correct / images of that class (NaN when there are none). */
  perClass: { images: number; correct: number; accuracy: number }[];
}

export function summarizeConfusion(matrix: ArrayLike<number>, classes: number): ConfusionSummary {
  let total = 0;
  let correct = 0;
  const perClass = [];
  for (let t = 0; t < classes; t++) {
    let images = 0;
    for (let p = 0; p < classes; p++) images += matrix[t * classes + p];
    const right = matrix[t * classes + t];
    perClass.push({ images, correct: right, accuracy: images > 0 ? right / images : Number.NaN });
    total += images;
    correct += right;
  }
  return { total, correct, perClass };
}
