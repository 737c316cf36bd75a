import {
  SETTING_LABELS,
  type SettingsErrors,
  type SettingsText,
  validateSetting,
} from '../../protocol/settings';

interface Props {
  text: SettingsText;
  errors: SettingsErrors;
  disabled: boolean;
  onChange: (name: 'momentum' | 'nesterov', value: string) => void;
}

/**
 * SGD's own settings, shown only while SGD is picked: its momentum (a number, checked as typed) and
 * Nesterov's form of it, which needs some momentum to mean anything, so its box waits for one.
 */
export function SgdMomentumFields({ text, errors, disabled, onChange }: Props) {
  const momentum = validateSetting('momentum', text.momentum).value;
  const hasMomentum = typeof momentum === 'number' && momentum > 0;
  const nesterov = validateSetting('nesterov', text.nesterov).value === true;
  const error = errors.momentum;
  return (
    <fieldset className="settings sgd-settings" disabled={disabled} aria-label="SGD's momentum">
      <div className={error ? 'field invalid' : 'field'}>
        <label htmlFor="setting-momentum">{SETTING_LABELS.momentum}</label>
        <input
          id="setting-momentum"
          type="number"
          min={0}
          max={0.99}
          step={0.01}
          inputMode="decimal"
          autoComplete="off"
          value={text.momentum}
          onChange={(event) => onChange('momentum', event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby="setting-momentum-message"
        />
        <span id="setting-momentum-message" className={error ? 'field-error' : 'field-hint'}>
          {error ?? '0: plain SGD. 0.9 is usual.'}
        </span>
      </div>
      <div className="field switch">
        <label htmlFor="setting-nesterov">
          <input
            id="setting-nesterov"
            type="checkbox"
            checked={hasMomentum && nesterov}
            disabled={!hasMomentum}
            onChange={(event) => onChange('nesterov', String(event.target.checked))}
            aria-describedby="setting-nesterov-message"
          />
          {SETTING_LABELS.nesterov}
        </label>
        <span id="setting-nesterov-message" className="field-hint">
          {hasMomentum ? 'Steps from where momentum leads.' : 'Needs a momentum above 0.'}
        </span>
      </div>
    </fieldset>
  );
}
