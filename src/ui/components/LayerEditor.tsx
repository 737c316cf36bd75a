import { useState } from 'react';
import {
  type LayerSpec,
  layerName,
  MAX_LAYERS,
  specsFromText,
  specsToText,
  summarize,
} from '../../protocol/layers';
import { DraftNumberInput } from './DraftNumberInput';
import { PenaltyInputs } from './PenaltyInputs';

const NEW_LAYER: Record<LayerSpec['kind'], LayerSpec> = {
  conv: { kind: 'conv', filters: 32 },
  pool: { kind: 'pool' },
  flatten: { kind: 'flatten' },
  dense: { kind: 'dense', units: 64 },
  dropout: { kind: 'dropout', rate: 0.5 },
  batchNorm: { kind: 'batchNorm' },
};
const ADD_LABELS: [LayerSpec['kind'], string][] = [
  ['conv', 'Conv2D'],
  ['pool', 'MaxPooling2D'],
  ['flatten', 'Flatten'],
  ['dense', 'Dense'],
  ['dropout', 'Dropout'],
  ['batchNorm', 'BatchNormalization'],
];

interface Props {
  /** The layers in their URL form (settings.layers). */
  text: string;
  disabled: boolean;
  onChange: (text: string) => void;
}

/**
 * The ConvNet's hidden layers as a list, with what Keras's summary shows: output shape and
 * parameters per layer. Add, remove and resize; an impossible stack is shown with its reason
 * (architecture.ts decides) and cannot be trained.
 */
export function LayerEditor({ text, disabled, onChange }: Props) {
  const specs = specsFromText(text).specs ?? [];
  const { layers, total, problem } = summarize(specs);
  const update = (next: LayerSpec[]) => onChange(specsToText(next));
  /** Where new layers go: before this index (specs.length: at the end). */
  const [insertAt, setInsertAt] = useState<number | null>(null);
  const at = insertAt === null ? specs.length : Math.min(insertAt, specs.length);
  const move = (i: number, by: -1 | 1) => {
    const next = [...specs];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    update(next);
  };
  const resize = (i: number, value: string) => {
    // Whole numbers only, at most five digits (the URL form); 0 for an empty box shows the bounds.
    const size = Math.min(Number.parseInt(value, 10) || 0, 99_999);
    const spec = specs[i];
    const next = [...specs];
    if (spec.kind === 'conv') next[i] = { ...spec, filters: size };
    if (spec.kind === 'dense') next[i] = { ...spec, units: size };
    update(next);
  };
  const setRate = (i: number, value: string) => {
    // An empty, negative or unreadable box becomes 1, which the URL form keeps and summarize()
    // names as the problem (NaN or -0.5 would not parse, and the whole stack would be lost).
    const rate = value.trim() === '' ? Number.NaN : Number(value);
    const next = [...specs];
    next[i] = { kind: 'dropout', rate: Number.isFinite(rate) && rate >= 0 ? rate : 1 };
    update(next);
  };
  return (
    <fieldset className="layer-editor" disabled={disabled}>
      <legend>Layers</legend>
      {/* NOTE: stacked rows, not a table: a four-column table was 483 px wide in the 280 px card. */}
      <ol className="layer-list" data-testid="layer-list">
        {layers.map((layer, i) => {
          const spec: LayerSpec | undefined = specs[i];
          const size = spec?.kind === 'conv' ? spec.filters : spec?.kind === 'dense' ? spec.units : null;
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a layer is its position in the stack; it has no other identity
              key={`${i}-${spec?.kind ?? 'output'}`}
              className={layer.problem ? 'layer-row invalid' : 'layer-row'}
            >
              <span className="layer-title">{layer.name}</span>
              {spec && (
                <span className="layer-actions">
                  <button
                    type="button"
                    disabled={i === 0}
                    aria-label={`Move layer ${i + 1}, ${layer.name}, up`}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={i === specs.length - 1}
                    aria-label={`Move layer ${i + 1}, ${layer.name}, down`}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove layer ${i + 1}, ${layer.name}`}
                    onClick={() => update(specs.filter((_, j) => j !== i))}
                  >
                    ✕
                  </button>
                </span>
              )}
              <span className="layer-numbers">
                {size !== null && (
                  <input
                    type="number"
                    className="layer-size"
                    min={1}
                    aria-label={`${spec?.kind === 'conv' ? 'Filters' : 'Units'} of layer ${i + 1}`}
                    value={Number.isFinite(size) ? size : ''}
                    onChange={(event) => resize(i, event.target.value)}
                  />
                )}
                {size !== null && (
                  <span aria-hidden="true">{spec?.kind === 'conv' ? 'filters' : 'units'}</span>
                )}
                {spec?.kind === 'dropout' && (
                  <DraftNumberInput
                    className="layer-size"
                    min={0}
                    max={0.95}
                    step={0.05}
                    aria-label={`Rate of layer ${i + 1}`}
                    value={spec.rate}
                    onText={(text) => setRate(i, text)}
                  />
                )}
                <span>
                  {layer.outputShape.length > 0 ? `(${layer.outputShape.join(', ')})` : '—'} ·{' '}
                  {layer.parameters.toLocaleString('en-US')} parameters
                </span>
              </span>
              {(spec?.kind === 'conv' || spec?.kind === 'dense') && (
                <PenaltyInputs
                  position={i + 1}
                  penalty={spec}
                  onChange={({ l1, l2 }) => {
                    const next = [...specs];
                    next[i] = { ...spec, l1, l2 };
                    update(next);
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
      <p className="layer-total">
        {/* NOTE: an impossible stack has no parameter count; a partial sum would read as one. */}
        Total: <span data-testid="layer-total">{problem ? '—' : total.toLocaleString('en-US')}</span>{' '}
        parameters
      </p>
      <div className="add-layer">
        <span className="add-where">
          Add new layers{' '}
          <select
            aria-label="Where new layers go"
            value={at}
            onChange={(event) => setInsertAt(Number(event.target.value))}
          >
            {specs.map((spec, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a position in the stack
              <option key={i} value={i}>
                before layer {i + 1} ({layerName(spec)})
              </option>
            ))}
            <option value={specs.length}>at the end</option>
          </select>
        </span>
        {ADD_LABELS.map(([kind, label]) => (
          <button
            type="button"
            key={kind}
            disabled={specs.length >= MAX_LAYERS}
            onClick={() => {
              update([...specs.slice(0, at), NEW_LAYER[kind], ...specs.slice(at)]);
              if (insertAt !== null) setInsertAt(at + 1);
            }}
          >
            + {label}
          </button>
        ))}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          This stack cannot be trained: {problem}
        </p>
      )}
    </fieldset>
  );
}
