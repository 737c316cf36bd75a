import { useEffect, useMemo, useRef, useState } from 'react';
import { PIXELS } from '../../data/mnist';
import type { UserDigit } from '../../data/userDigit';
import type { TrainerClient } from '../../page/client';
import type { Snapshot } from '../../page/store';

export interface HandwritingScore {
  correct: number;
  total: number;
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
  const [read, setRead] = useState<Map<string, number> | null>(null);
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
    const answer = digitsRead.digits;
    setRead(answer ? new Map(question.ids.map((id, i) => [id, answer[i]])) : null);
  }, [digitsRead]);

  if (!read || tests.length === 0) return null;
  const known = tests.filter((digit) => read.has(digit.id));
  if (known.length !== tests.length) return null;
  return { correct: known.filter((digit) => read.get(digit.id) === digit.label).length, total: tests.length };
}
