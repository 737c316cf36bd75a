import { useEffect, useMemo, useRef, useState } from 'react';
import { PIXELS } from '../../data/mnist';
import type { UserDigit } from '../../data/userDigit';
import type { TrainerClient } from '../../page/client';
import type { Snapshot } from '../../page/store';
import { type DigitVerdicts, digitVerdicts } from '../../page/userDigitsVerdicts';

export interface HandwritingScore {
  correct: number;
  total: number;
  /** The test digits with their readings: the confusion matrix's second source. */
  verdicts: DigitVerdicts | null;
}

/**
 * How many of the user's test digits the model answering the pad reads right. They are read again
 * (on the worker, in one batch) when the test digits change, after each epoch of a run, when a run
 * ends, and when another model comes to answer (a saved run opened, a model imported); a relabel only
 * counts again.
 */
export function useHandwritingScore(
  client: TrainerClient,
  snapshot: Snapshot,
  digits: readonly UserDigit[],
  canRead: boolean,
): HandwritingScore | null {
  const tests = useMemo(() => digits.filter((digit) => digit.testOnly), [digits]);
  const testIds = tests.map((digit) => digit.id).join(' ');
  const [read, setRead] = useState<Readings | null>(null);
  const asked = useRef<{ id: number; ids: string[] } | null>(null);
  const testsRef = useRef(tests);
  testsRef.current = tests;
  const { digitsRead, answeringModelVersion } = snapshot;

  // biome-ignore lint/correctness/useExhaustiveDependencies: testIds stands for the test digits (a new one, or one gone, is read again), answeringModelVersion for the model that reads them
  useEffect(() => {
    const now = testsRef.current;
    if (!canRead || now.length === 0) return;
    const pixels = new Float32Array(now.length * PIXELS);
    for (const [i, digit] of now.entries())
      for (let p = 0; p < PIXELS; p++) pixels[i * PIXELS + p] = digit.pixels[p] / 255;
    asked.current = { id: client.readDigits(pixels), ids: now.map((digit) => digit.id) };
  }, [client, canRead, testIds, answeringModelVersion]);

  // The store keeps only the answer to the latest request; an older one never gets here.
  useEffect(() => {
    const question = asked.current;
    if (!digitsRead || digitsRead.id !== question?.id) return;
    const { digits: answer, probabilities: p } = digitsRead;
    const classes = p && answer ? p.length / answer.length : 0;
    const row = (i: number) => (p ? p.subarray(i * classes, (i + 1) * classes) : null);
    setRead(answer ? new Map(question.ids.map((id, i) => [id, { digit: answer[i], row: row(i) }])) : null);
  }, [digitsRead]);

  return useMemo(() => scoreOf(tests, read), [tests, read]);
}

type Readings = Map<string, { digit: number; row: Float32Array | null }>;

/** The score and the verdicts, once every test digit has its reading. */
function scoreOf(tests: UserDigit[], read: Readings | null): HandwritingScore | null {
  if (!read || tests.length === 0) return null;
  const known = tests.filter((digit) => read.has(digit.id));
  if (known.length !== tests.length) return null;
  const readings = known.map((digit) => read.get(digit.id) as { digit: number; row: Float32Array | null });
  const correct = known.filter((digit, i) => readings[i].digit === digit.label).length;
  const rows = readings.every((r) => r.row) ? readings.map((r) => r.row as Float32Array) : null;
  const probabilities = rows && Float32Array.from(rows.flatMap((r) => Array.from(r)));
  const predicted = Uint8Array.from(readings, (r) => r.digit);
  return { correct, total: tests.length, verdicts: digitVerdicts(known, predicted, probabilities) };
}
