import {
  DEFAULT_LEARNING_RATES,
  OPTIMIZER_KINDS,
  OPTIMIZER_NAMES,
  type OptimizerKind,
} from '../../protocol/settings';
import { Term } from './Term';

const DEFAULTS = OPTIMIZER_KINDS.map((k) => `${OPTIMIZER_NAMES[k]} ${DEFAULT_LEARNING_RATES[k]}`).join(', ');

interface Props {
  optimizer: string;
  disabled: boolean;
  onPick: (kind: OptimizerKind) => void;
}

/** SGD, RMSprop or Adam, each with Keras's defaults; the rate follows while it is the default. */
export function OptimizerPicker({ optimizer, disabled, onPick }: Props) {
  return (
    <div className="field">
      <span className="field-head">
        <label htmlFor="setting-optimizer">Optimizer</label>
        <Term id="optimizer" />
        <Term id="rmsprop" />
      </span>
      <select
        id="setting-optimizer"
        value={optimizer}
        disabled={disabled}
        onChange={(event) => onPick(event.target.value as OptimizerKind)}
        aria-describedby="setting-optimizer-message"
      >
        {OPTIMIZER_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {OPTIMIZER_NAMES[kind]}
          </option>
        ))}
      </select>
      <span id="setting-optimizer-message" className="field-hint">
        Keras's defaults. A default learning rate follows a switch ({DEFAULTS}).
      </span>
    </div>
  );
}
