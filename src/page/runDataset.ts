// Which data set a saved run belongs to: a run opens or resumes only on the data set it trained on
// (the same four files, by SHA-256), since its outputs mean that data set's classes.
import { DATASET_FILE_ROLES, type DatasetIdentity } from '../data/datasetIdentity';

const nameOf = (dataset: DatasetIdentity | null | undefined) => dataset?.name ?? 'MNIST';

export function sameDataset(
  a: DatasetIdentity | null | undefined,
  b: DatasetIdentity | null | undefined,
): boolean {
  if (!a || !b) return !a && !b;
  return DATASET_FILE_ROLES.every((role) => a.files[role].sha256 === b.files[role].sha256);
}

/** Why the run cannot open or resume with the data set in use, or null when it can. */
export function datasetMismatch(
  run: { name: string; dataset?: DatasetIdentity },
  inUse: DatasetIdentity | null,
): string | null {
  if (sameDataset(run.dataset, inUse)) return null;
  const way = run.dataset ? `import ${run.dataset.name} again` : 'go Back to MNIST';
  return `"${run.name}" trained on ${nameOf(run.dataset)}, and the data set in use is ${nameOf(inUse)}: ${way} to open it.`;
}
