import { useCallback, useMemo, useState } from 'react';
import { type Settings, type SettingsText, settingsToText, validateSettings } from '../../protocol/settings';
import { settingsFromQuery } from '../../protocol/settingsQuery';

/**
 * The settings as typed: React state, since they belong to the form rather than the trainer. Starts from
 * the link's query; `notes` says what the link asked for that was ignored.
 */
export function useSettingsForm(search: string) {
  const [initial] = useState(() => settingsFromQuery(search));
  const [text, setText] = useState<SettingsText>(initial.text);
  const [notes, setNotes] = useState<string[]>(initial.notes);
  const { settings, errors } = useMemo(() => validateSettings(text), [text]);
  const setField = useCallback(
    (name: keyof Settings, value: string) => setText((previous) => ({ ...previous, [name]: value })),
    [],
  );
  const dismissNotes = useCallback(() => setNotes([]), []);
  /** Every field at once: an opened saved run's settings, so that Copy link and Train again are its own. */
  const setAll = useCallback((next: Settings) => setText(settingsToText(next)), []);
  return { text, errors, settings, setField, setAll, notes, dismissNotes };
}
