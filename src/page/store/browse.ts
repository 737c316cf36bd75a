// The Training data panel's page of images: only the answer to the latest request is shown (an
// older one is of a digit or set the user has left).
import type { BrowsedImages } from '../../data/browse';
import type { BrowseQuery } from '../../protocol/browse';
import type { StoreEvent } from './events';

export interface BrowseState {
  browseAsked: number;
  browsed: { query: BrowseQuery; images: BrowsedImages } | null;
}

export const initialBrowse: BrowseState = { browseAsked: 0, browsed: null };

export function reduceBrowse(s: BrowseState, m: StoreEvent): Partial<BrowseState> | null {
  switch (m.type) {
    case 'page:browse':
      return { browseAsked: m.id };
    case 'browsed': {
      if (m.id !== s.browseAsked) return null;
      const { query, total, page, indices, labels, pixels } = m;
      return { browsed: { query: { ...query, page }, images: { total, page, indices, labels, pixels } } };
    }
    default:
      return null;
  }
}
