import { formatBytes, GPU_MEMORY_BUDGET } from '../../protocol/memory';
import type { GpuMemory } from '../../protocol/protocol';
import { formatMegabytes } from '../format';
import { Term } from './Term';

/**
 * The buffer pool's bytes in use: one short line (in the GPU detail's summary, with the exact counts
 * in data attributes for the leak tests), or, `detailed`, against the memory this app allows itself.
 */
export function GpuMemoryMeter({
  memory,
  detailed = false,
}: {
  memory: GpuMemory | null;
  detailed?: boolean;
}) {
  if (!memory) return null;
  const inUse = `${formatMegabytes(memory.bytesInUse)} MB`;
  if (!detailed)
    return (
      <span
        className="memory-line"
        data-testid="gpu-memory"
        data-bytes-in-use={memory.bytesInUse}
        data-bytes-owned={memory.bytesOwned}
        data-uniform-buffers={memory.uniformBuffers}
      >
        GPU memory: <strong>{inUse}</strong> in use
      </span>
    );
  return (
    <p className="memory">
      <meter
        min={0}
        max={GPU_MEMORY_BUDGET}
        value={memory.bytesInUse}
        aria-label="GPU memory in use"
        aria-valuetext={`${inUse} of ${GPU_MEMORY_BUDGET / 1e9} GB`}
      />{' '}
      <span className="muted">
        {inUse} of this app's {GPU_MEMORY_BUDGET / 1e9} GB · {formatMegabytes(memory.bytesOwned)} MB held by
        its buffer pool
        <Term id="bufferPool" /> · {memory.uniformBuffers} uniform buffers
        <Term id="uniformBuffers" /> ({formatBytes(memory.uniformBytes)})
      </span>
    </p>
  );
}
