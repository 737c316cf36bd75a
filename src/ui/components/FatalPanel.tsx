import type { Snapshot } from '../../page/store';

const TITLES: Record<string, string> = {
  webgpu: 'This page needs WebGPU, and none is available here',
  device: 'The GPU could not be set up',
};

/** Replaces the whole app when nothing can work: says what is missing and how to get it. */
export function FatalPanel({ error }: { error: NonNullable<Snapshot['error']> }) {
  return (
    <section className="fatal" role="alert" aria-labelledby="fatal-title">
      <h2 id="fatal-title">{TITLES[error.kind] ?? 'Something went wrong'}</h2>
      <p>{error.message}</p>
      {error.kind === 'webgpu' && (
        <p>
          This app trains the network with WebGPU compute shaders, so it needs a browser with WebGPU turned
          on. You can check your browser at <a href="https://webgpureport.org">webgpureport.org</a>.
        </p>
      )}
      <button type="button" onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </section>
  );
}
