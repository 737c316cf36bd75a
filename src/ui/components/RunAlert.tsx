import type { Snapshot } from '../../page/store';

const TITLES: Record<string, string> = {
  diverged: 'Training diverged',
  gpu: 'GPU error',
  tooLarge: 'Too large for this GPU',
  device: 'GPU device problem',
  training: 'Training failed',
};

/** A problem that ended a run (or a prediction) but left the page usable. */
export function RunAlert({ error }: { error: NonNullable<Snapshot['error']> }) {
  return (
    <div className="alert" role="alert" data-testid="run-alert">
      <strong>{TITLES[error.kind] ?? 'Error'}:</strong> {error.message}
    </div>
  );
}
