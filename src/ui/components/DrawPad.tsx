import { useEffect, useRef } from 'react';
import { drawingToMnist } from '../../data/preprocess';
import { canvasPoint, drawSegment, type Point, SIZE } from '../drawing';

/** While drawing, the drawing is sent at most this often (and always when the stroke ends). */
const THROTTLE_MS = 100;

/**
 * A drawing pad: opaque white strokes on a transparent canvas (the dark background is CSS), since the
 * preprocessing reads ink from the alpha channel. Emits the network's 784 inputs, or null when empty.
 */
export function DrawPad({ onChange }: { onChange: (pixels: Float32Array | null) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<Point | null>(null);
  const lastEmit = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const context = () => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null;
  const cancelEmit = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  };
  const emit = () => {
    cancelEmit();
    lastEmit.current = performance.now();
    const ctx = context();
    if (ctx) onChange(drawingToMnist(ctx.getImageData(0, 0, SIZE, SIZE).data, SIZE, SIZE));
  };
  const strokeTo = (to: Point) => {
    const ctx = context();
    if (ctx) drawSegment(ctx, last.current ?? to, to);
    last.current = to;
    if (timer.current !== undefined) return;
    const wait = Math.max(0, THROTTLE_MS - (performance.now() - lastEmit.current));
    timer.current = window.setTimeout(emit, wait);
  };
  const endStroke = () => {
    if (!last.current) return;
    last.current = null;
    emit();
  };
  const clear = () => {
    context()?.clearRect(0, 0, SIZE, SIZE);
    cancelEmit();
    onChange(null);
  };

  return (
    <div className="pad">
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        tabIndex={0}
        aria-label="Digit drawing pad"
        aria-describedby="pad-help"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          last.current = null;
          strokeTo(canvasPoint(event));
        }}
        onPointerMove={(event) => last.current && strokeTo(canvasPoint(event))}
        onPointerUp={endStroke}
        onPointerCancel={endStroke}
        onKeyDown={(event) => (event.key === 'Delete' || event.key === 'Backspace') && clear()}
      />
      <p id="pad-help" className="muted">
        Draw with a mouse, finger or pen. To start over, use the Clear button (or press Delete while the pad
        has focus).
      </p>
      <button type="button" onClick={clear}>
        Clear
      </button>
    </div>
  );
}
