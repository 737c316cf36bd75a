import { QUERY_NAMES, SETTING_LABELS, type SettingsText, validateSetting } from '../../protocol/settings';
import type { TermId } from '../glossary';
import { Term } from './Term';

type SwitchName = 'augment' | 'myDigits';

/** A setting that is on or off (Augment images, Train on my digits too): a box, its label, a hint. */
export function SettingSwitch({
  name,
  hint,
  term,
  text,
  onChange,
}: {
  name: SwitchName;
  hint: string;
  /** The glossary's entry for the setting's name, when a learner may not know it. */
  term?: TermId;
  text: SettingsText;
  onChange: (name: SwitchName, value: string) => void;
}) {
  const id = `setting-${QUERY_NAMES[name]}`;
  return (
    <div className="field switch">
      <span className="field-head">
        <label htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            checked={validateSetting(name, text[name]).value === true}
            onChange={(event) => onChange(name, String(event.target.checked))}
            aria-describedby={`${id}-message`}
          />
          {SETTING_LABELS[name]}
        </label>
        {term && <Term id={term} />}
      </span>
      <span id={`${id}-message`} className="field-hint">
        {hint}
      </span>
    </div>
  );
}
