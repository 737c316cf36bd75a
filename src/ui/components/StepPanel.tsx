import type { StepResult } from '../../page/store';
import { describeStepLoss, describeUnitLayer, formatChange } from '../stepReport';

interface Props {
  step: StepResult | null;
}

/**
 * The step mode, while a run is paused: what the last "Step one batch" did to its batch's loss
 * (before and after the step), and the units whose incoming weights it moved most, largest first.
 */
export function StepPanel({ step }: Props) {
  const inspection = step?.inspection ?? null;
  const status = step?.pending
    ? 'Training one batch…'
    : (step?.error ?? (inspection ? describeStepLoss(inspection) : null));
  const layer = inspection ? describeUnitLayer(inspection) : null;
  const largest = inspection?.changed[0]?.change || 1;
  return (
    <div className="step-panel" data-testid="step-panel">
      {/* NOTE: there before the first step, empty, so that what the step did is announced. */}
      <p role="status" className={step?.error ? 'field-error' : undefined} data-testid="step-loss">
        {status}
      </p>
      {inspection && layer && (
        <>
          <p className="muted step-units-title" id="step-units-title">
            The {layer.text} whose incoming weights the step moved most, by the length of the change (the
            average: {formatChange(inspection.meanChange)}):
          </p>
          <ol className="step-units" aria-labelledby="step-units-title" data-testid="step-units">
            {inspection.changed.map(({ unit, change }) => (
              <li key={unit} data-unit={unit + 1} data-change={change}>
                <span className="step-unit">
                  {layer.unit} {unit + 1}
                </span>
                <span className="step-bar" aria-hidden="true">
                  <span style={{ width: `${Math.max(2, (change / largest) * 100)}%` }} />
                </span>
                <span className="step-change">{formatChange(change)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
