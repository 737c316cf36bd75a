import { GUIDE_STEPS, type GuideStep } from '../guide';

const ORDER: GuideStep[] = ['train', 'watch', 'draw', 'done'];

/**
 * The three steps of a first visit, in the header where the one-line introduction was (so it moves
 * nothing on the page): the next step is marked, the ones done are ticked, and Hide puts it away
 * (reopened from the Guide button).
 */
export function FirstRunGuide({ step, onHide }: { step: GuideStep; onHide: () => void }) {
  const at = ORDER.indexOf(step);
  return (
    <div className="guide" data-testid="guide">
      <ol aria-label="A first run in three steps">
        {GUIDE_STEPS.map((s, i) => {
          const state = i < at ? 'done' : i === at ? 'now' : 'later';
          return (
            <li
              key={s.step}
              className={`guide-step ${state}`}
              aria-current={state === 'now' ? 'step' : undefined}
            >
              <span className="guide-number" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>{' '}
              <strong>{s.title}</strong> {s.text}
              {state === 'done' && <span className="visually-hidden"> (done)</span>}
            </li>
          );
        })}
      </ol>
      <button type="button" className="guide-hide" onClick={onHide}>
        {step === 'done' ? 'Close the guide' : 'Hide the guide'}
      </button>
    </div>
  );
}

/** Beside the pad when a guided run ends: what to do now. */
export function DrawCue() {
  return (
    <p className="draw-cue" data-testid="draw-cue">
      <span className="guide-number" aria-hidden="true">
        3
      </span>{' '}
      {/* NOTE: short beside "Try the network": the card is 296 px wide at 1280 px, and the whole
          cue overlapped the heading. */}
      Now draw<span className="visually-hidden"> a digit</span>
    </p>
  );
}
