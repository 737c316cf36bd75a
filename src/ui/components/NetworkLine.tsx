import { CLASSES, IMAGE_SIDE, PIXELS } from '../../data/mnist';
import type { Snapshot } from '../../page/store';
import { specsFromText, summarize } from '../../protocol/layers';
import { trainingImages } from '../../protocol/settings';
import { formatCount } from '../format';

interface Props {
  settings: NonNullable<Snapshot['runSettings']>;
  parameterCount: number | null;
}

/** The network the run trains, layer by layer, its weights and its training images. */
export function NetworkLine({ settings, parameterCount }: Props) {
  return (
    <p className="muted network-line">
      Network:{' '}
      {settings.model === 'convnet'
        ? `${IMAGE_SIDE}×${IMAGE_SIDE} images → ${summarize(specsFromText(settings.layers).specs ?? [])
            .layers.map((l) => l.name)
            .join(' → ')}`
        : `${PIXELS} inputs → ${formatCount(settings.hidden)} hidden (ReLU) → ${CLASSES} outputs (softmax)`}
      {parameterCount !== null && `, ${formatCount(parameterCount)} weights`}; trained on{' '}
      {formatCount(trainingImages(settings))} images
      {(settings.validation ?? 0) > 0 &&
        `, measured after each epoch on ${formatCount(settings.validation)} validation images held out`}
      .
    </p>
  );
}
