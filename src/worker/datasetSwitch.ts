// Another data set for the worker (an imported one, or MNIST again): only while nothing uses the
// device, and the model on the pad starts over untrained, since its classes were another set's.
// Refused with nothing changed otherwise.
import type { UseDatasetRequest } from '../protocol/dataset';
import type { FromWorker } from '../protocol/protocol';
import type { CurrentModel } from './currentModel';
import type { DataLoader } from './data';
import type { GpuSession } from './session';

export interface SwitchContext {
  session: GpuSession | null;
  data: DataLoader | null;
  current: CurrentModel;
  /** A run, the learning-rate finder, a speedrun or a recovery has the device. */
  busy: boolean;
}

export async function switchDataset(
  request: UseDatasetRequest,
  context: SwitchContext,
  emit: (message: FromWorker) => void,
): Promise<void> {
  const { requestId, dataset } = request;
  const refuse = (message: string) => emit({ type: 'refused', requestId, message });
  const { session, data, current, busy } = context;
  if (busy) return refuse('The data set cannot change while a run is going on.');
  if (!session || session.lost || !data)
    return refuse('The data set can change only while the GPU is there.');
  const problem = await data.use(dataset);
  if (problem) return refuse(problem);
  await current.startOver(session);
  emit({ type: 'datasetInUse', requestId, identity: dataset?.identity ?? null });
  // As for an imported model: no run's charts or result, the pad's drawing read again.
  emit({ type: 'loaded', settings: null, parameterCount: current.model?.parameterCount ?? 0, epoch: 0 });
}
