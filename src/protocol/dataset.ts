// The data set the worker trains, evaluates and explains on: MNIST (downloaded by the worker) or one
// the user imported on the page (data/datasetImport.ts checks it there, before anything changes).
import type { DatasetIdentity } from '../data/datasetIdentity';
import type { LabelledImages } from '../data/idx';

/** An imported data set as the worker receives it: checked already, its images and its identity. */
export interface DatasetUpload {
  identity: DatasetIdentity;
  train: LabelledImages;
  test: LabelledImages;
}

/**
 * The page asks for a data set (null: back to MNIST). The worker answers 'datasetInUse' with the
 * same id once it is on the device (then 'ready' with its samples), or 'refused' with nothing changed.
 */
export interface UseDatasetRequest {
  type: 'useDataset';
  requestId: number;
  dataset: DatasetUpload | null;
}

/** The data set now on the device (identity null: MNIST); the model on the pad starts over, untrained. */
export interface DatasetInUse {
  type: 'datasetInUse';
  requestId: number;
  identity: DatasetIdentity | null;
}
