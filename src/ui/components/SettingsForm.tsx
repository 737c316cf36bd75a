import {
  OPTIMIZER_NAMES,
  type OptimizerKind,
  QUERY_NAMES,
  SETTING_LABELS,
  type Settings,
  type SettingsErrors,
  type SettingsText,
} from '../../protocol/settings';
import type { TermId } from '../glossary';
import { SettingSwitch } from './SettingSwitch';
import { Term } from './Term';

const HINTS: Partial<Record<keyof Settings, string>> = {
  epochs: 'Passes over the training images.',
  batchSize: 'Images per weight update.',
  hidden: 'Neurons in the hidden layer.',
  seed: 'Same seed, same run.',
  train: 'Uses the first N of 60,000.',
  validation:
    'The last N of the 60,000, held out: the curves are theirs, the test waits for the end. 0: none.',
  patience: 'Stop after N epochs without a lower held-out loss, back to the best weights. 0: off.',
};

/** The settings a learner may not know the word for: a "?" beside the label. */
const TERMS: Partial<Record<keyof Settings, TermId>> = {
  epochs: 'epoch',
  batchSize: 'batch',
  hidden: 'hiddenUnit',
  seed: 'seed',
};

interface Props {
  text: SettingsText;
  errors: SettingsErrors;
  disabled: boolean;
  /** The settings shown here, in this order. */
  names: (keyof Settings)[];
  /** The Augment images box after them: in one form of the page only (its id is unique). */
  withAugment?: boolean;
  onChange: (name: keyof Settings, value: string) => void;
}

/** One text field per setting, checked as typed; the message sits next to the field it is about. */
export function SettingsForm({ text, errors, disabled, names, withAugment = false, onChange }: Props) {
  return (
    <fieldset className="settings" disabled={disabled}>
      {names.map((name) => {
        const optimizer = OPTIMIZER_NAMES[text.optimizer as OptimizerKind] ?? 'the optimizer';
        const hint = name === 'learningRate' ? `Step size of ${optimizer}.` : HINTS[name];
        const id = `setting-${QUERY_NAMES[name]}`;
        const error = errors[name];
        return (
          <div className={error ? 'field invalid' : 'field'} key={name}>
            <span className="field-head">
              <label htmlFor={id}>{SETTING_LABELS[name]}</label>
              {TERMS[name] && <Term id={TERMS[name]} />}
            </span>
            <input
              id={id}
              type="text"
              inputMode={name === 'learningRate' ? 'decimal' : 'numeric'}
              autoComplete="off"
              spellCheck={false}
              value={text[name]}
              onChange={(event) => onChange(name, event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-message`}
            />
            <span id={`${id}-message`} className={error ? 'field-error' : 'field-hint'}>
              {error ?? hint}
            </span>
          </div>
        );
      })}
      {withAugment && (
        <>
          <SettingSwitch
            name="augment"
            term="augmentation"
            hint="Shifted, rotated and scaled on the GPU: helps with drawn digits."
            text={text}
            onChange={onChange}
          />
          <SettingSwitch
            name="myDigits"
            hint="An eighth of each batch from Your digits kept for training, every image augmented."
            text={text}
            onChange={onChange}
          />
        </>
      )}
    </fieldset>
  );
}
