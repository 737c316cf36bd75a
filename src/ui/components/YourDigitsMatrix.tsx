import { useMemo, useState } from 'react';
import { type DigitVerdicts, verdictsConfusion, verdictsGallery } from '../../page/userDigitsVerdicts';
import type { GalleryQuery } from '../../protocol/protocol';
import { ConfusionMatrix } from './ConfusionMatrix';
import { MistakeGallery } from './MistakeGallery';

interface Props {
  verdicts: DigitVerdicts;
  /** Sends a digit to the drawing pad, with what it is. */
  onTry: (pixels: Uint8Array, caption: string) => void;
}

/**
 * The confusion matrix of the user's test digits as the model answering the pad reads them, with
 * the same galleries as MNIST's test set; built on the page from the digits' readings.
 */
export function YourDigitsMatrix({ verdicts, onTry }: Props) {
  const [query, setQuery] = useState<GalleryQuery | null>(null);
  const confusion = useMemo(() => verdictsConfusion(verdicts), [verdicts]);
  const gallery = useMemo(() => query && { id: 0, ...verdictsGallery(verdicts, query) }, [verdicts, query]);
  return (
    <div className="insight-row" data-testid="your-digits-matrix">
      <div>
        <ConfusionMatrix confusion={confusion} selected={query} onOpen={setQuery} source="Your test digits" />
      </div>
      <div>
        {gallery ? (
          <MistakeGallery gallery={gallery} onClose={() => setQuery(null)} onTry={onTry} source="yours" />
        ) : (
          <p className="muted gallery-hint">Choose a cell, or show every mistake.</p>
        )}
      </div>
    </div>
  );
}
