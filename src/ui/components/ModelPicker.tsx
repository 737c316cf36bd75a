import type { ModelKind } from '../../protocol/settings';

const CHOICES: { kind: ModelKind; label: string; hint: string }[] = [
  {
    kind: 'dense',
    label: 'Dense network (chapter 2)',
    hint: 'Dense(hidden, relu) → Dense(10); batch 128.',
  },
  {
    kind: 'convnet',
    label: 'ConvNet (chapter 8)',
    hint: 'Convolutions, pooling, Dense; batch 64; ~99%.',
  },
];

interface Props {
  model: string;
  disabled: boolean;
  onPick: (kind: ModelKind) => void;
}

/** Which of the book's two networks to train. */
export function ModelPicker({ model, disabled, onPick }: Props) {
  return (
    <fieldset className="model-picker" disabled={disabled}>
      <legend>Model</legend>
      {CHOICES.map(({ kind, label, hint }) => (
        <label key={kind} className={model === kind ? 'choice picked' : 'choice'}>
          <input
            type="radio"
            name="model"
            value={kind}
            checked={model === kind}
            onChange={() => onPick(kind)}
          />
          <span>
            <strong>{label}</strong>
            <span className="field-hint">{hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
