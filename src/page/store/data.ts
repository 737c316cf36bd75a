// The data's state: the download's progress, the sample images once the data is on the device,
// and why it is not there.
import type { SampleImages } from '../../protocol/protocol';
import type { StoreEvent } from './events';

export interface DataState {
  loading: { loadedBytes: number; totalBytes: number } | null;
  samples: SampleImages | null;
  /** Why the data is not there (phase 'noData'). */
  dataError: { file: string | null; message: string } | null;
}

export const initialData: DataState = { loading: null, samples: null, dataError: null };

export function reduceData(m: StoreEvent): Partial<DataState> | null {
  switch (m.type) {
    case 'loading':
      return { loading: { loadedBytes: m.loadedBytes, totalBytes: m.totalBytes }, dataError: null };
    case 'ready':
      return { loading: null, samples: m.samples, dataError: null };
    case 'error':
      return !m.fatal && m.kind === 'data'
        ? { loading: null, dataError: { file: m.file ?? null, message: m.message } }
        : null;
    default:
      return null;
  }
}
