// Browsing the data (the Training data panel): a page of the training or test images, all or one digit's.
import type { BrowsedImages } from '../data/browse';

export type BrowseSet = 'train' | 'test';

export interface BrowseQuery {
  set: BrowseSet;
  /** null: every digit. */
  digit: number | null;
  page: number;
}

/** The page: 'browse' → worker; `id` comes back on 'browsed' (nothing when the data is not there). */
export type BrowseRequest = { type: 'browse'; id: number } & BrowseQuery;
export type BrowseAnswer = { type: 'browsed'; id: number; query: BrowseQuery } & BrowsedImages;
