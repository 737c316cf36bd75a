import type { TrainerClient } from '../../page/client';
import type { Snapshot } from '../../page/store';
import { DataBrowser } from '../components/DataBrowser';
import { DrawCue, FirstRunGuide } from '../components/FirstRunGuide';
import { RunSummary } from '../components/RunSummary';
import { useDataBrowser } from './useDataBrowser';
import { useGuide } from './useGuide';
import { usePresent } from './usePresent';

/**
 * For a learner and a teacher (issue 29), the parts App places: the first-run guide (in the header,
 * with its reopen button), the cue beside the pad, the run's summary under the charts, the data
 * browser, and Present mode (a class on the page, its button, Escape).
 */
export function useLearner(client: TrainerClient, snapshot: Snapshot, drawing: Float32Array | null) {
  const guide = useGuide(snapshot, drawing);
  const { present, enter, leave } = usePresent();
  const browser = useDataBrowser(client, snapshot);
  const actions = present ? (
    <button type="button" className="present-leave" onClick={leave}>
      Leave Present (Esc)
    </button>
  ) : (
    <>
      {!guide.shown && (
        <button type="button" className="link-button" onClick={guide.reopen}>
          Guide
        </button>
      )}
      <button type="button" className="link-button" onClick={enter}>
        Present
      </button>
    </>
  );
  return {
    present,
    lede: guide.shown ? <FirstRunGuide step={guide.step} onHide={guide.dismiss} /> : undefined,
    actions,
    drawCue: guide.shown && guide.step === 'draw' ? <DrawCue /> : null,
    summary: snapshot.phase === 'ready' ? <RunSummary {...snapshot} /> : null,
    browse: <DataBrowser browser={browser} />,
  };
}
