import { useEffect, useRef, useState } from 'react';
import { IMAGE_SIDE } from '../../data/mnist';
import { strokesToMnist } from '../../data/strokes';
import type { UserDigitDrawing } from '../../data/userDigit';
import type { PadImage } from '../../page/store';
import { canvasPoint, drawSegment, type Point, SIZE } from '../drawing';

/** While drawing, the drawing is sent at most this often (and always when the stroke ends). */
const THROTTLE_MS = 100;

/**
 * A drawing pad: white strokes on a transparent canvas (the dark background is CSS). The strokes are
 * kept as pointer positions and turned into the network's 784 inputs by strokesToMnist, at a pen as
 * wide against the digit as MNIST's (docs/handwriting.md); the canvas only shows them. Emits the
 * inputs with the strokes, or null when empty.
 */
export function DrawPad({
  onChange,
  image,
  onRandom,
  canRandom,
  onDigit,
  clearRequest = 0,
}: {
  /** `drawing`: the strokes the inputs were made from; null for a test image sent to the pad. */
  onChange: (pixels: Float32Array | null, drawing?: UserDigitDrawing | null) => void;
  /** A test image sent to the pad (784 bytes): drawn, and read as it is, without preprocessing. */
  image: PadImage | null;
  /** Asks for a random test image. */
  onRandom: () => void;
  /** Whether there are test images to ask for (the data is loaded). */
  canRandom: boolean;
  /** A digit key (0 to 9) pressed on the pad: the drawing's label. */
  onDigit?: (digit: number) => void;
  /** A new value clears the pad (Draw the digits, after each drawing kept). */
  clearRequest?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  /** The pad shows the image sent, untouched: its caption says which it is. */
  const [showsImage, setShowsImage] = useState(false);
  const last = useRef<Point | null>(null);
  /** The strokes on the pad, in canvas pixels: what the network reads. */
  const strokes = useRef<[number, number][][]>([]);
  const lastEmit = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per image sent (onChange is stable)
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d', { willReadFrequently: true });
    if (!image || !ctx) return;
    cancelEmit();
    strokes.current = [];
    ctx.clearRect(0, 0, SIZE, SIZE);
    const cell = SIZE / IMAGE_SIDE;
    image.pixels.forEach((v, i) => {
      if (v === 0) return;
      ctx.fillStyle = `rgba(255, 255, 255, ${v / 255})`;
      ctx.fillRect((i % IMAGE_SIDE) * cell, Math.floor(i / IMAGE_SIDE) * cell, cell, cell);
    });
    onChange(
      Float32Array.from(image.pixels, (v) => v / 255),
      null,
    );
    setShowsImage(true);
  }, [image]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per request (clear only reads refs and a stable onChange)
  useEffect(() => {
    if (clearRequest > 0) clear();
  }, [clearRequest]);

  const context = () => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null;
  const cancelEmit = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  };
  const emit = () => {
    cancelEmit();
    lastEmit.current = performance.now();
    const pad = { width: SIZE, height: SIZE };
    const pixels = strokesToMnist(strokes.current, pad);
    onChange(pixels, pixels && { strokes: strokes.current.map((stroke) => [...stroke]), pad });
  };
  const strokeTo = (to: Point) => {
    const ctx = context();
    if (ctx) drawSegment(ctx, last.current ?? to, to);
    if (last.current) strokes.current.at(-1)?.push([to.x, to.y]);
    else strokes.current.push([[to.x, to.y]]);
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
  const clearCanvas = () => {
    strokes.current = [];
    context()?.clearRect(0, 0, SIZE, SIZE);
  };
  const clear = () => {
    setShowsImage(false);
    clearCanvas();
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
          // A test image is pixels, not strokes: drawing starts afresh over it.
          if (showsImage) clearCanvas();
          setShowsImage(false);
          strokeTo(canvasPoint(event));
        }}
        onPointerMove={(event) => last.current && strokeTo(canvasPoint(event))}
        onPointerUp={endStroke}
        onPointerCancel={endStroke}
        onKeyDown={(event) => {
          if (event.key === 'Delete' || event.key === 'Backspace') clear();
          else if (onDigit && /^[0-9]$/.test(event.key)) onDigit(Number(event.key));
        }}
      />
      <div className="pad-buttons">
        <button type="button" onClick={clear}>
          Clear
        </button>
        <button type="button" onClick={onRandom} disabled={!canRandom}>
          Random test image
        </button>
      </div>
      <p id="pad-help" className="muted">
        {showsImage && image ? (
          <span data-testid="pad-caption">{image.caption}.</span>
        ) : (
          'Draw with a mouse, finger or pen.'
        )}
        <span className="visually-hidden">
          {' '}
          Delete or Backspace on the pad clears it.{onDigit && ' A digit key labels the drawing.'}
        </span>
      </p>
    </div>
  );
}
