import { type KeyboardEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { Snapshot } from '../../page/store';
import { paintTiles, TILE, tileColumns, unitAt, unitRanges } from '../unitTiles';

interface Props {
  units: NonNullable<Snapshot['units']>;
  /** The run's starting weights: "learned" shows the change from them. */
  atStart: Float32Array | null;
  /** Units outlined: those the last step (step mode) changed most, largest first. */
  marked?: number[];
}

type Mode = 'learned' | 'weights';

const MODES: readonly [Mode, string][] = [
  ['learned', 'What each unit learned (its weights minus those it started with)'],
  ['weights', 'The weights themselves'],
];

const fmt = (w: number) => (w < 0 ? `−${Math.abs(w).toFixed(3)}` : w.toFixed(3));

/**
 * Every hidden unit's incoming weights as a 28x28 tile, all on one canvas (hundreds of canvases
 * would be slow). One focusable element steps through the units with the arrow keys, like a slider,
 * and says which unit it is on and its weight range; hovering does the same.
 */
export function UnitTiles({ units: snapshot, atStart, marked = [] }: Props) {
  const { weights, inputs, units, step } = snapshot;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [unit, setUnit] = useState(0);
  const [draws, setDraws] = useState(0);
  const [mode, setMode] = useState<Mode>('learned');
  const canCompare = !!weights && !!atStart && atStart.length === weights.length;
  const shown: Mode = mode === 'learned' && canCompare ? 'learned' : 'weights';
  const ranges = useMemo(
    () => (weights ? unitRanges(weights, inputs, units) : null),
    [weights, inputs, units],
  );
  // NOTE: random initial weights hide what a short run learned; the change since the start shows it.
  const learned = useMemo(
    () => (shown === 'learned' && weights && atStart ? weights.map((w, i) => w - atStart[i]) : null),
    [shown, weights, atStart],
  );
  const learnedRanges = useMemo(
    () => (learned ? unitRanges(learned, inputs, units) : null),
    [learned, inputs, units],
  );
  const cols = tileColumns(units);
  const rows = Math.ceil(units / cols);
  const place = (unit: number) => ({
    left: `${((unit % cols) / cols) * 100}%`,
    top: `${(Math.floor(unit / cols) / rows) * 100}%`,
    width: `${100 / cols}%`,
    height: `${100 / rows}%`,
  });

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    const [data, scale] = learned && learnedRanges ? [learned, learnedRanges] : [weights, ranges];
    if (!context || !data || !scale) return;
    const { width, height, rgba } = paintTiles(data, inputs, units, scale);
    context.canvas.width = width;
    context.canvas.height = height;
    // Whole screen pixels per weight where it fits (a fractional scale blurs the tiles unevenly).
    context.canvas.style.width = `${width}px`;
    context.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
    setDraws((d) => d + 1);
  }, [weights, learned, inputs, units, ranges, learnedRanges]);

  if (!weights || !ranges) {
    return <p className="muted">Not available for this model: its first layer is not a dense layer.</p>;
  }
  const current = Math.min(unit, units - 1);
  const change = learnedRanges
    ? `; changed by ${fmt(learnedRanges[2 * current])} to ${fmt(learnedRanges[2 * current + 1])} since the start`
    : '';
  const description = `Unit ${current + 1} of ${units}: weights from ${fmt(ranges[2 * current])} to ${fmt(ranges[2 * current + 1])}${change}`;
  const move = (event: KeyboardEvent) => {
    const delta: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -cols, ArrowDown: cols };
    let next: number | null = null;
    if (event.key in delta) next = current + delta[event.key];
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = units - 1;
    if (next === null) return;
    event.preventDefault();
    setUnit(Math.max(0, Math.min(units - 1, next)));
  };
  const hover = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const { width, height } = event.currentTarget;
    const x = ((event.clientX - box.left) / box.width) * width;
    const y = ((event.clientY - box.top) / box.height) * height;
    const hit = unitAt(x, y, units);
    if (hit !== null) setUnit(hit);
  };
  return (
    <div className="tiles">
      <fieldset className="tile-mode">
        <legend className="visually-hidden">Show</legend>
        {MODES.map(([value, text]) => (
          <label key={value}>
            <input
              type="radio"
              name="tile-mode"
              value={value}
              checked={shown === value}
              disabled={value === 'learned' && !canCompare}
              onChange={() => setMode(value)}
            />{' '}
            {text}
          </label>
        ))}
      </fieldset>
      <div className="tiles-frame">
        <canvas
          ref={canvas}
          data-testid="unit-tiles"
          data-step={step}
          data-draws={draws}
          data-mode={shown}
          role="slider"
          tabIndex={0}
          aria-label={`First-layer weights of ${units} hidden units, one ${TILE} by ${TILE} tile each; arrow keys choose a unit`}
          aria-valuemin={1}
          aria-valuemax={units}
          aria-valuenow={current + 1}
          aria-valuetext={description}
          onKeyDown={move}
          onPointerMove={hover}
        />
        {marked.map((m) => (
          <span key={m} className="tile-marker stepped" aria-hidden="true" style={place(m)} />
        ))}
        <span className="tile-marker" aria-hidden="true" style={place(current)} />
      </div>
      {marked.length > 0 && (
        <p className="muted" data-testid="unit-marks" data-units={marked.map((m) => m + 1).join(' ')}>
          Dashed outlines: the units the last step changed most (units {marked.map((m) => m + 1).join(', ')}).
        </p>
      )}
      <p className="tile-info" aria-live="polite" data-testid="unit-info">
        {description}
      </p>
    </div>
  );
}
