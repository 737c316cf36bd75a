// The data set the worker trains on: MNIST (dataset null) or an imported one, with the page's
// latest request to change it and, if the worker refused, why (the data set in use stays).
import type { DatasetIdentity } from '../../data/datasetIdentity';
import type { StoreEvent } from './events';

export interface DatasetState {
  /** The imported data set in use; null: MNIST. */
  dataset: DatasetIdentity | null;
  /** The latest 'useDataset' asked for: pending until answered, then done or refused with why. */
  datasetRequest: { requestId: number; pending: boolean; refusal: string | null } | null;
}

export const initialDataset: DatasetState = { dataset: null, datasetRequest: null };

export function reduceDataset(s: DatasetState, m: StoreEvent): Partial<DatasetState> | null {
  const isAnswer = 'requestId' in m && s.datasetRequest?.requestId === m.requestId;
  switch (m.type) {
    case 'page:useDataset':
      return { datasetRequest: { requestId: m.requestId, pending: true, refusal: null } };
    case 'datasetInUse':
      return isAnswer
        ? { dataset: m.identity, datasetRequest: { requestId: m.requestId, pending: false, refusal: null } }
        : null;
    case 'refused':
      return isAnswer
        ? { datasetRequest: { requestId: m.requestId, pending: false, refusal: m.message } }
        : null;
    default:
      return null;
  }
}
