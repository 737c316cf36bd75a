import { SETTING_LABELS, type SettingsText, validateSetting } from '../../protocol/settings';

/** "Train on my digits too": the setting's box, beside Augment images (src/nn/mixedOrder.ts). */
export function MyDigitsSwitch({
  text,
  onChange,
}: {
  text: SettingsText;
  onChange: (name: 'myDigits', value: string) => void;
}) {
  return (
    <div className="field switch">
      <label htmlFor="setting-mydigits">
        <input
          id="setting-mydigits"
          type="checkbox"
          checked={validateSetting('myDigits', text.myDigits).value === true}
          onChange={(event) => onChange('myDigits', String(event.target.checked))}
          aria-describedby="setting-mydigits-message"
        />
        {SETTING_LABELS.myDigits}
      </label>
      <span id="setting-mydigits-message" className="field-hint">
        An eighth of each batch from Your digits kept for training, every image augmented.
      </span>
    </div>
  );
}
