import type { GpuMemory } from '../../protocol/protocol';
import { GpuMemoryMeter } from './GpuMemoryMeter';

interface Props {
  adapter: string | null;
  matmulVariant: string | null;
  failed: boolean;
  memory: GpuMemory | null;
}

export function Header({ adapter, matmulVariant, failed, memory }: Props) {
  return (
    <header className="header">
      <h1>Digits on WebGPU</h1>
      <p className="lede">
        Train a small neural network to read handwritten digits (MNIST), entirely on your own GPU, then draw a
        digit and watch it guess.
      </p>
      <p className="adapter">
        WebGPU adapter: <strong>{adapter ?? (failed ? 'none' : 'looking…')}</strong>
        {matmulVariant && <span className="muted"> · matmul kernel: {matmulVariant}</span>}
      </p>
      <GpuMemoryMeter memory={memory} />
    </header>
  );
}
