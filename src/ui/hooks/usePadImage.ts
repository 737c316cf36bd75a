import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrainerClient } from '../../page/client';

/** A test image on the drawing pad: its 784 bytes, what it is, and a new id each time one is sent. */
export interface PadImage {
  pixels: Uint8Array;
  caption: string;
  id: number;
}

/** How a test image is named beside the pad (its index counts from 1, as the galleries' do). */
export function testImageCaption(index: number, label: number): string {
  return `Test image #${index + 1}, labelled ${label}`;
}

/**
 * Test images sent to the drawing pad, so that the network can be tried without drawing: one from a
 * gallery, or one at random, asked of the worker (the test set lives there).
 */
export function usePadImage(client: TrainerClient) {
  const [image, setImage] = useState<PadImage | null>(null);
  const asked = useRef(0);
  const show = useCallback(
    (pixels: Uint8Array, caption: string) =>
      setImage((shown) => ({ pixels, caption, id: (shown?.id ?? 0) + 1 })),
    [],
  );
  const random = useCallback(() => {
    asked.current = client.testImage();
  }, [client]);
  useEffect(
    () =>
      client.onMessage((message) => {
        if (message.type === 'testImage' && message.id === asked.current)
          show(message.pixels, testImageCaption(message.index, message.label));
      }),
    [client, show],
  );
  return { image, show, random };
}
