// The device's state: the adapter and matmul variant, the GPU memory meter, and what a lost
// device left behind.
import type { GpuMemory } from '../../protocol/protocol';
import type { StoreEvent } from './events';

export interface DeviceState {
  adapter: string | null;
  /** The adapter is a software fallback: training runs on the CPU (see SoftwareAdapterNotice). */
  fallbackAdapter: boolean;
  matmulVariant: string | null;
  memory: GpuMemory | null;
  /** Why the device is gone, and what was kept (phases 'lost' and 'recovering'). */
  lost: { message: string; checkpointEpoch: number | null; interrupted: boolean } | null;
}

export const initialDevice: DeviceState = {
  adapter: null,
  fallbackAdapter: false,
  matmulVariant: null,
  memory: null,
  lost: null,
};

/** A recovered device with a run to go on with: it stays 'recovering' until 'restored' or 'started'. */
export function resumingOn(s: { phase: string; lost: DeviceState['lost'] }): boolean {
  return s.phase === 'recovering' && s.lost?.interrupted === true;
}

export function reduceDevice(s: DeviceState & { phase: string }, m: StoreEvent): Partial<DeviceState> | null {
  switch (m.type) {
    case 'gpu':
      return {
        adapter: m.adapter,
        fallbackAdapter: m.fallback === true,
        matmulVariant: m.matmulVariant,
        memory: m.memory,
        lost: resumingOn(s) ? s.lost : null,
      };
    case 'ready':
    case 'batch':
    case 'epoch':
    case 'done':
    case 'memory':
      return { memory: m.memory };
    case 'reading':
      return { memory: m.memory ?? s.memory };
    case 'lost':
      return { lost: { message: m.message, checkpointEpoch: m.checkpointEpoch, interrupted: m.interrupted } };
    case 'started':
    case 'restored':
    case 'continued':
      return { lost: null };
    default:
      return null;
  }
}
