import type { HandwritingScore as Score } from '../hooks/useHandwritingScore';

/** "Your handwriting: 14 of 15" beside the MNIST test accuracy of the same model. */
export function HandwritingScore({
  score,
  testDigits,
  mnistAccuracy,
}: {
  score: Score | null;
  /** How many of the user's digits are kept for testing. */
  testDigits: number;
  mnistAccuracy: number | null;
}) {
  if (testDigits === 0) return null;
  return (
    <p className="handwriting-score" data-testid="handwriting-score">
      {score ? `Your handwriting: ${score.correct} of ${score.total}` : 'Your handwriting: reading…'}
      {mnistAccuracy !== null && (
        <span className="muted"> · MNIST test: {(mnistAccuracy * 100).toFixed(1)}%</span>
      )}
    </p>
  );
}
