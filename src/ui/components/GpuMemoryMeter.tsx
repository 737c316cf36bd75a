import { GPU_MEMORY_BUDGET } from '../../protocol/memory';
import type { GpuMemory } from '../../protocol/protocol';
import { formatMegabytes } from '../format';

/**
 * The buffer pool's bytes in use, against the memory this app allows itself. The exact counts sit in
 * data attributes, for the leak tests.
 */
export function GpuMemoryMeter({ memory }: { memory: GpuMemory | null }) {
  if (!memory) return null;
  const inUse = `${formatMegabytes(memory.bytesInUse)} MB`;
  return (
    <p
      className="memory"
      data-testid="gpu-memory"
      data-bytes-in-use={memory.bytesInUse}
      data-bytes-owned={memory.bytesOwned}
    >
      GPU memory: <strong>{inUse}</strong> in use{' '}
      <meter
        min={0}
        max={GPU_MEMORY_BUDGET}
        value={memory.bytesInUse}
        aria-label="GPU memory in use"
        aria-valuetext={`${inUse} of ${GPU_MEMORY_BUDGET / 1e9} GB`}
      />{' '}
      <span className="muted">
        of this app's {GPU_MEMORY_BUDGET / 1e9} GB · {formatMegabytes(memory.bytesOwned)} MB held by its
        buffer pool
      </span>
    </p>
  );
}
