// The drawing pad's side of the store: the page matches the worker's answers to its own requests
// here (the reading of the latest request, the test image it asked for), so that the UI reads state
// and never the worker's messages. Also the model a saved run or an imported stack put in place.
import type { Settings } from '../../protocol/settings';
import type { StoreEvent } from './events';
import { type InsightState, readingOf } from './insight';

/** An image on the drawing pad: its 784 bytes, what it is, and a new id each time one is sent. */
export interface PadImage {
  pixels: Uint8Array;
  caption: string;
  id: number;
}

export interface PadState {
  /** The latest reading asked for, and the first asked for the drawing now on the pad (Infinity: none). */
  readingAsked: { latest: number; drawingFrom: number };
  /** The reading of the latest request: what the pad shows (an older one is of a drawing or model gone). */
  shownReading: InsightState['reading'];
  /** The random test image asked for last: only its answer goes on the pad. */
  testImageAsked: number;
  /** The image sent to the pad (a gallery's, or a random test image). */
  padImage: PadImage | null;
  /** A saved run was opened or resumed, or a model imported (settings null): a new object each time. */
  arrived: { how: 'loaded' | 'continued'; settings: Settings | null } | null;
}

export const initialPad: PadState = {
  readingAsked: { latest: 0, drawingFrom: Number.POSITIVE_INFINITY },
  shownReading: null,
  testImageAsked: 0,
  padImage: null,
  arrived: null,
};

/** How a test image is named beside the pad (its index counts from 1, as the galleries' do). */
export function testImageCaption(index: number, label: number): string {
  return `Test image #${index + 1}, labelled ${label}`;
}

/** Whether a reading is about the drawing now on the pad (though maybe not the latest asked for). */
export function isAboutDrawing(s: Pick<PadState, 'readingAsked'>, id: number): boolean {
  return id >= s.readingAsked.drawingFrom;
}

export function reducePad(s: PadState, m: StoreEvent): Partial<PadState> | null {
  const nextImage = (pixels: Uint8Array, caption: string) => ({
    padImage: { pixels, caption, id: (s.padImage?.id ?? 0) + 1 },
  });
  switch (m.type) {
    case 'page:read': {
      const { drawingFrom } = s.readingAsked;
      return { readingAsked: { latest: m.id, drawingFrom: Math.min(drawingFrom, m.id) } };
    }
    case 'page:drawing':
      // ids start at 1: with latest 0, no reading in flight matches a cleared pad.
      return m.cleared
        ? { readingAsked: { latest: 0, drawingFrom: Number.POSITIVE_INFINITY }, shownReading: null }
        : { readingAsked: { ...s.readingAsked, drawingFrom: Number.POSITIVE_INFINITY } };
    case 'reading':
      return m.id === s.readingAsked.latest ? { shownReading: readingOf(m) } : null;
    case 'page:testImage':
      return { testImageAsked: m.id };
    case 'testImage':
      return m.id === s.testImageAsked ? nextImage(m.pixels, testImageCaption(m.index, m.label)) : null;
    case 'page:padImage':
      return nextImage(m.pixels, m.caption);
    case 'loaded':
    case 'continued':
      return { arrived: { how: m.type, settings: m.settings } };
    default:
      return null;
  }
}
