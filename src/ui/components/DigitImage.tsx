import { useEffect, useRef } from 'react';
import { IMAGE_SIDE } from '../../data/mnist';

const SIDE = IMAGE_SIDE;

interface Props {
  /** 784 intensities, 0 (background) to `max` (full ink). */
  pixels: ArrayLike<number>;
  max: number;
  label: string;
  className?: string;
}

/** A 28x28 image drawn white on black, the way MNIST looks; CSS enlarges it with crisp pixels. */
export function DigitImage({ pixels, max, label, className = 'digit-image' }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(SIDE, SIDE);
    for (let i = 0; i < SIDE * SIDE; i++) {
      const grey = Math.round((pixels[i] / max) * 255);
      image.data.set([grey, grey, grey, 255], i * 4);
    }
    context.putImageData(image, 0, 0);
  }, [pixels, max]);
  return <canvas ref={ref} width={SIDE} height={SIDE} className={className} role="img" aria-label={label} />;
}
