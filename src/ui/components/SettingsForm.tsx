import {
  QUERY_NAMES,
  SETTING_LABELS,
  type Settings,
  type SettingsErrors,
  type SettingsText,
  validateSetting,
} from '../../protocol/settings';

const FIELDS: { name: keyof Settings; hint: string }[] = [
  { name: 'epochs', hint: 'Passes over the training images.' },
  { name: 'batchSize', hint: 'Images per weight update.' },
  { name: 'learningRate', hint: 'Step size of RMSprop.' },
  { name: 'hidden', hint: 'Neurons in the hidden layer.' },
  { name: 'seed', hint: 'Same seed, same run.' },
  { name: 'train', hint: 'Uses the first N of 60,000.' },
];

interface Props {
  text: SettingsText;
  errors: SettingsErrors;
  disabled: boolean;
  /** Settings that do not apply to the picked model (the hidden units, for the ConvNet). */
  hidden?: (keyof Settings)[];
  onChange: (name: keyof Settings, value: string) => void;
}

/** One text field per setting, checked as typed; the message sits next to the field it is about. */
export function SettingsForm({ text, errors, disabled, hidden = [], onChange }: Props) {
  return (
    <fieldset className="settings" disabled={disabled}>
      <legend>Settings</legend>
      {FIELDS.filter(({ name }) => !hidden.includes(name)).map(({ name, hint }) => {
        const id = `setting-${QUERY_NAMES[name]}`;
        const error = errors[name];
        return (
          <div className={error ? 'field invalid' : 'field'} key={name}>
            <label htmlFor={id}>{SETTING_LABELS[name]}</label>
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
      <div className="field switch">
        <label htmlFor="setting-augment">
          <input
            id="setting-augment"
            type="checkbox"
            checked={validateSetting('augment', text.augment).value === true}
            onChange={(event) => onChange('augment', String(event.target.checked))}
            aria-describedby="setting-augment-message"
          />
          {SETTING_LABELS.augment}
        </label>
        <span id="setting-augment-message" className="field-hint">
          Shifted, rotated and scaled on the GPU: helps with drawn digits.
        </span>
      </div>
    </fieldset>
  );
}
