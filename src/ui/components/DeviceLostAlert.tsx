import type { Snapshot } from '../../page/store';

interface Props {
  lost: NonNullable<Snapshot['lost']>;
  recovering: boolean;
  onReconnect: () => void;
}

/** The device is gone: what was kept, that the pad still works, and how to go on. */
export function DeviceLostAlert({ lost, recovering, onReconnect }: Props) {
  const epoch = lost.checkpointEpoch;
  const kept =
    epoch === null
      ? ''
      : lost.interrupted
        ? `Training is paused. The weights ${epoch > 0 ? `after epoch ${epoch}` : 'from the start of the run'} are kept off the GPU: Resume starts a new device and goes on from there, so nothing trained up to that point is lost.`
        : 'The network’s weights are kept off the GPU.';
  return (
    <div className="alert" role="alert" data-testid="device-lost">
      <p>
        <strong>The GPU stopped working.</strong> {lost.message} {kept}
      </p>
      <p>Meanwhile the drawing pad still works: the network answers on the CPU.</p>
      {recovering ? (
        <p>
          <strong>Reconnecting to the GPU…</strong>
        </p>
      ) : (
        !lost.interrupted && (
          <button type="button" className="primary" onClick={onReconnect}>
            Reconnect to the GPU
          </button>
        )
      )}
    </div>
  );
}
