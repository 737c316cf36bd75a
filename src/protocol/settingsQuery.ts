// The URL query form of the settings (?epochs=5&batch=128&lr=0.001&hidden=512&seed=1&train=60000; a
// ConvNet run adds &model=convnet&layers=c32,p,c64,p,c64,f,d64; training on augmented images adds
// &augment=1; an optimizer other than RMSprop adds &optimizer=sgd or &optimizer=adam; SGD with
// momentum adds &momentum=0.9, and Nesterov's form of it &nesterov=1; validation images held out
// add &validation=10000, and early stopping &patience=1; training on the user's digits too adds
// &mydigits=1).
import {
  CONVNET_BATCH,
  DEFAULT_LEARNING_RATES,
  DEFAULT_SETTINGS,
  OPTIMIZER_KINDS,
  type OptimizerKind,
  QUERY_NAMES,
  type Settings,
  type SettingsText,
  settingsToText,
  validateSetting,
} from './settings';

const NAMES = Object.keys(QUERY_NAMES) as (keyof Settings)[];

/**
 * Settings from a URL query. Anything invalid falls back to its default, and the notes say what
 * was ignored, so a malformed link never breaks the page.
 */
export function settingsFromQuery(search: string): { text: SettingsText; notes: string[] } {
  const query = new URLSearchParams(search);
  const text = settingsToText(DEFAULT_SETTINGS);
  const notes: string[] = [];
  for (const name of NAMES) {
    const raw = query.get(QUERY_NAMES[name]);
    if (raw === null) continue;
    const { error } = validateSetting(name, raw);
    if (error)
      notes.push(`Ignored ${QUERY_NAMES[name]}=${JSON.stringify(raw.slice(0, 40))} from the link: ${error}`);
    else text[name] = raw.trim();
  }
  // A ConvNet link without a batch gets the book's batch for it.
  if (text.model === 'convnet' && query.get(QUERY_NAMES.batchSize) === null)
    text.batchSize = String(CONVNET_BATCH);
  // And one with an optimizer but no rate gets Keras's default rate for that optimizer.
  const optimizer = text.optimizer as OptimizerKind;
  if (query.get(QUERY_NAMES.learningRate) === null && OPTIMIZER_KINDS.includes(optimizer))
    text.learningRate = String(DEFAULT_LEARNING_RATES[optimizer]);
  return { text, notes };
}

export function settingsToQuery(settings: Settings): string {
  const query = new URLSearchParams();
  for (const name of NAMES) {
    // A dense run's link stays as it always was: the model and layers appear only for a ConvNet.
    if ((name === 'model' || name === 'layers') && settings.model !== 'convnet') continue;
    if (name === 'augment') {
      if (settings.augment === true) query.set(QUERY_NAMES.augment, '1');
      continue;
    }
    // Nor does an RMSprop run's (the optimizer there was before this setting).
    if (name === 'optimizer' && settings.optimizer === 'rmsprop') continue;
    // SGD's momentum only when it has some, as the switches only when on.
    if (name === 'momentum' && !(settings.momentum > 0)) continue;
    // Validation images and early stopping only when set (#30).
    if ((name === 'validation' || name === 'patience') && !(settings[name] > 0)) continue;
    if (name === 'nesterov' || name === 'myDigits') {
      if (settings[name] === true) query.set(QUERY_NAMES[name], '1');
      continue;
    }
    query.set(QUERY_NAMES[name], String(settings[name]));
  }
  return `?${query}`.replaceAll('%2C', ','); // commas are legal in a query, and easier to read
}
