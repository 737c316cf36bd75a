// How the page names a class: by the imported data set's class names, or as MNIST's digit.
import { CLASSES } from '../data/mnist';

/** The class names in use: the data set's, or null for MNIST's digits. */
export type ClassNames = readonly string[] | null;

/** How many classes the data set has (MNIST: 10); the network's other outputs are never trained. */
export function classCount(names: ClassNames): number {
  return names?.length ?? CLASSES;
}

/** Class `index` as the page shows it: its name, or the digit itself. */
export function className(names: ClassNames, index: number): string {
  return names?.[index] ?? String(index);
}

/**
 * What the evaluation going on measures: a validated run's validation images after each epoch, and
 * its test set at the end (`finalTest`); without validation, the test set every time.
 */
export function evaluatedImagesWords(
  validation: number,
  finalTest: boolean,
  dataset: { name: string; testCount: number } | null,
): string {
  return validation > 0 && !finalTest
    ? `the ${validation.toLocaleString('en-US')} validation images`
    : testImagesWords(dataset);
}

/** "the 10,000 test images", or an imported data set's: "the 30 test images of Shapes". */
export function testImagesWords(dataset: { name: string; testCount: number } | null): string {
  return dataset
    ? `the ${dataset.testCount.toLocaleString('en-US')} test images of ${dataset.name}`
    : 'the 10,000 test images';
}
