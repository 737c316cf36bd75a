import { useEffect, useMemo, useRef } from 'react';
import { IMAGE_SIDE } from '../../data/mnist';
import { describeSaliency, saliencyImage } from '../saliency';
import { DigitImage } from './DigitImage';
import { Term } from './Term';

interface Props {
  /** The network's 784 inputs for the drawing. */
  drawing: Float32Array;
  /** d score / d pixel for the class it reads: its row of the reading's saliency. */
  saliency: Float32Array;
  digit: number;
}

const SIDE = IMAGE_SIDE;

/** The drawing as the network sees it, and the same with the gradient of its reading laid over it. */
export function SaliencyOverlay({ drawing, saliency, digit }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const description = useMemo(() => describeSaliency(saliency), [saliency]);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const rgba = saliencyImage(drawing, saliency) as Uint8ClampedArray<ArrayBuffer>;
    context.putImageData(new ImageData(rgba, SIDE, SIDE), 0, 0);
  }, [drawing, saliency]);
  return (
    <figure className="saliency" data-testid="saliency" data-digit={digit}>
      <div className="saliency-images">
        <DigitImage
          pixels={drawing}
          max={1}
          label={`The ${SIDE}×${SIDE} drawing, without the overlay`}
          className="saliency-view"
        />
        <canvas
          ref={ref}
          width={SIDE}
          height={SIDE}
          className="saliency-view"
          data-testid="saliency-overlay"
          role="img"
          aria-label={`Why it reads ${digit}: ${description}`}
        />
      </div>
      <figcaption>
        The gradient
        <Term id="gradient" /> of the {digit}'s score with respect to each pixel
        <Term id="saliency" />: <span className="key red">red</span>, more ink there would make it more of a{' '}
        {digit}; <span className="key blue">blue</span>, less. {description}
      </figcaption>
    </figure>
  );
}
