import type { Checkpoint, DenseStack } from '../protocol/protocol';
import type { CurrentModel } from './currentModel';
import type { Run } from './run';
import type { GpuSession } from './session';

interface Parts {
  current: CurrentModel;
  session: () => GpuSession | null;
  run: () => Run | null;
  refuse: (requestId: number, message: string) => void;
  /** A failure the page shows, not fatal. */
  fail: (kind: 'gpu' | 'training', message: string) => void;
}

/**
 * What the page asks of the model that answers drawings: read the pad, open a saved run's weights,
 * import a model, export the one there. Opening and importing wait for no run to be going on.
 */
export class PadRequests {
  constructor(private readonly parts: Parts) {}

  /** Reads the pad's drawing: a 'reading' comes back, with its saliency and activations. */
  read(id: number, drawing: Float32Array): Promise<void> {
    return this.parts.current.read(id, drawing, (message) => this.parts.fail('gpu', message));
  }

  /** A saved run's weights answer drawings (on the CPU while the GPU is lost). */
  openCheckpoint(checkpoint: Checkpoint, requestId: number): void {
    const { current, run, refuse } = this.parts;
    if (run()) return void refuse(requestId, 'A saved run cannot be opened while a run is going on.');
    try {
      current.show(checkpoint, requestId);
    } catch (error) {
      refuse(requestId, `The saved run could not be opened: ${(error as Error).message}`);
    }
  }

  /** An imported model answers drawings. It has no settings or optimizer state, so it is not resumable. */
  importStack(stack: DenseStack): void {
    const session = this.parts.session();
    const refuse = (message: string) => this.parts.fail('training', message);
    if (this.parts.run() || !session || session.lost)
      refuse('A model can be imported only while no run is going on and the GPU is there.');
    else this.parts.current.import(session, stack, refuse);
  }

  exportModel(id: number): Promise<void> {
    return this.parts.current.export(id);
  }
}
