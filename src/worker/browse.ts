import { browseImages } from '../data/browse';
import type { Mnist } from '../data/mnist';
import type { BrowseRequest } from '../protocol/browse';
import type { FromWorker } from '../protocol/protocol';

/** A page of the training or test images for the Training data panel; nothing before the data is here. */
export function answerBrowse(
  mnist: Mnist | null,
  { id, set, digit, page }: BrowseRequest,
  emit: (message: FromWorker) => void,
): void {
  const images = mnist?.[set];
  if (images)
    emit({ type: 'browsed', id, query: { set, digit, page }, ...browseImages(images, digit, page) });
}
