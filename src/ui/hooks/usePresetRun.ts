import { useRef } from 'react';
import { type PresetQueue, presetRunOf } from '../../page/presetRun';
import { type Settings, settingsToText } from '../../protocol/settings';

/**
 * Which run of a preset the run shown is ("Run 2 of 3: SGD, learning rate 0.01"), while the preset
 * trains and, for its last run, after it ended; undefined for any other run.
 */
export function usePresetRun(queue: PresetQueue | null, runSettings: Settings | null): string | undefined {
  // NOTE: the run's own settings object: a new run (or an opened one) brings another, and loses the name.
  const named = useRef<{ settings: Settings; name: string } | null>(null);
  const now = queue && runSettings ? presetRunOf(queue, runSettings) : null;
  if (now && runSettings) named.current = { settings: runSettings, name: now };
  return named.current && named.current.settings === runSettings ? named.current.name : undefined;
}

/** The settings form showing a preset's run, read-only: its optimizer and rate, not the ones typed. */
export function presetRunForm(settings: Settings) {
  return { text: settingsToText(settings), errors: {}, setField: () => {} };
}
