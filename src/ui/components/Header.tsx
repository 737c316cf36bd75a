import type { ReactNode } from 'react';
import type { GpuMemory } from '../../protocol/protocol';
import { GpuMemoryMeter } from './GpuMemoryMeter';
import { Term } from './Term';

interface Props {
  adapter: string | null;
  matmulVariant: string | null;
  failed: boolean;
  memory: GpuMemory | null;
  /** In place of the one-line introduction: the first-run guide, while it shows. */
  lede?: ReactNode;
  /** Buttons after the links: Guide, Present. */
  actions?: ReactNode;
}

/** The title, the one-line explanation, and the GPU facts folded into a compact detail. */
export function Header({ adapter, matmulVariant, failed, memory, lede, actions }: Props) {
  return (
    <header className="header">
      <div className="title">
        <h1>Digits on WebGPU</h1>
        {lede ?? (
          <p className="lede">
            Train a small neural network to read handwritten digits (MNIST), entirely on your own GPU, then
            draw a digit and watch it guess.
          </p>
        )}
      </div>
      {/* Open when there is no adapter: then the missing GPU is the news. */}
      <details className="gpu-detail" open={failed || undefined}>
        <summary>
          GPU <GpuMemoryMeter memory={memory} />
        </summary>
        <div className="gpu-facts">
          <p className="adapter">
            {/* NOTE: the "?" after the name: "WebGPU adapter: …" stays one phrase to find and read. */}
            WebGPU adapter: <strong>{adapter ?? (failed ? 'none' : 'looking…')}</strong>
            <Term id="adapter" />
          </p>
          {matmulVariant && (
            <p className="muted">
              Matmul kernel
              <Term id="matmulKernel" />: {matmulVariant}
            </p>
          )}
          <GpuMemoryMeter memory={memory} detailed />
        </div>
      </details>
      <nav className="jump" aria-label="Parts of the page">
        {/* On a phone the charts are under the run's status: one tap away while it trains. */}
        <a href="#charts-title" className="narrow-only">
          Charts
        </a>
        <a href="#draw-title" className="narrow-only">
          Draw
        </a>
        <a href="#insight-title">Inside the network</a>
        <a href="#keep-title">Keep &amp; share</a>
        <a href="#data-title">Training data</a>
        {actions}
      </nav>
    </header>
  );
}
