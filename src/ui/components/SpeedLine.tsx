import type { Progress } from '../../protocol/protocol';
import type { Settings } from '../../protocol/settings';
import { describeSpeed, speedOf } from '../speed';
import { Term } from './Term';

interface Props {
  progress: Progress | null;
  settings: Settings;
  adapter: string | null;
}

/** How fast this run trains, averaged since it (re)started, and on which adapter. */
export function SpeedLine({ progress, settings, adapter }: Props) {
  const speed = progress ? speedOf(progress, settings) : null;
  return (
    <p className="speed-line" data-testid="speed-line">
      Speed: {speed ? describeSpeed(speed) : 'measuring…'}
      <Term id="gflops" />
      {adapter && <> · on {adapter}</>}
    </p>
  );
}
