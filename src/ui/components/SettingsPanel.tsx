import { useEffect, useRef } from 'react';
import {
  CONVNET_BATCH,
  DEFAULT_SETTINGS,
  type SettingsErrors,
  type SettingsText,
  withOptimizer,
} from '../../protocol/settings';
import { LayerEditor } from './LayerEditor';
import { ModelPicker } from './ModelPicker';
import { OptimizerPicker } from './OptimizerPicker';
import { SettingsForm } from './SettingsForm';
import { SgdMomentumFields } from './SgdMomentumFields';

interface Props {
  form: {
    text: SettingsText;
    errors: SettingsErrors;
    setField: (name: keyof SettingsText, value: string) => void;
  };
  disabled: boolean;
}

/**
 * The model and the settings used most in view; the optimizer (with SGD's momentum), batch size, seed
 * and training images folded (the learning rate's hint names the optimizer, so a link's choice is
 * never unseen).
 */
export function SettingsPanel({ form, disabled }: Props) {
  const convnet = form.text.model === 'convnet';
  const folded = ['batchSize', 'seed', 'train', 'validation', 'patience'] as const;
  const sgd = form.text.optimizer === 'sgd';
  // SGD's momentum is folded too (and checked only while SGD is picked).
  const foldedErrors = [...folded, 'momentum' as const].filter((name) => form.errors[name]).length;
  const more = useRef<HTMLDetailsElement>(null);
  // NOTE: opened when one of its fields is invalid (a link's, or an opened run's), so the message is
  // never out of sight; never closed by the page, which would hide a field while it is typed in.
  useEffect(() => {
    if (foldedErrors > 0 && more.current) more.current.open = true;
  }, [foldedErrors]);
  return (
    <section className="card settings-panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <ModelPicker
        model={form.text.model}
        disabled={disabled}
        onPick={(kind) => {
          form.setField('model', kind);
          // The book's batch for each network.
          form.setField(
            'batchSize',
            kind === 'convnet' ? String(CONVNET_BATCH) : String(DEFAULT_SETTINGS.batchSize),
          );
        }}
      />
      <SettingsForm
        text={form.text}
        errors={form.errors}
        disabled={disabled}
        names={convnet ? ['epochs', 'learningRate'] : ['epochs', 'learningRate', 'hidden']}
        withAugment
        onChange={form.setField}
      />
      <details className="more-settings" ref={more}>
        <summary>More settings: optimizer, batch size, seed, training images</summary>
        <OptimizerPicker
          optimizer={form.text.optimizer}
          disabled={disabled}
          onPick={(kind) => {
            const next = withOptimizer(form.text, kind);
            form.setField('optimizer', next.optimizer);
            form.setField('learningRate', next.learningRate);
          }}
        />
        {sgd && (
          <SgdMomentumFields
            text={form.text}
            errors={form.errors}
            disabled={disabled}
            onChange={form.setField}
          />
        )}
        <SettingsForm
          text={form.text}
          errors={form.errors}
          disabled={disabled}
          names={[...folded]}
          onChange={form.setField}
        />
      </details>
      {convnet && (
        <LayerEditor
          text={form.text.layers}
          disabled={disabled}
          onChange={(text) => form.setField('layers', text)}
        />
      )}
    </section>
  );
}
