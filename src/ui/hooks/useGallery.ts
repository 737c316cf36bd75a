import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrainerClient } from '../../page/client';
import type { Snapshot } from '../../page/store';
import type { GalleryQuery } from '../../protocol/protocol';

/**
 * The gallery the user opened from the confusion matrix: asked of the worker, shown when its answer
 * (the latest one asked for) arrives, and asked again when a new epoch brings a new matrix.
 */
export function useGallery(client: TrainerClient, snapshot: Snapshot) {
  const { confusion, gallery } = snapshot;
  const [request, setRequest] = useState<{ id: number; query: GalleryQuery } | null>(null);
  const query = useRef<GalleryQuery | null>(null);

  const open = useCallback(
    (next: GalleryQuery) => {
      query.current = next;
      setRequest({ id: client.gallery(next), query: next });
    },
    [client],
  );
  const close = useCallback(() => {
    query.current = null;
    setRequest(null);
  }, []);

  useEffect(() => {
    if (!confusion) close();
    else if (query.current) open(query.current);
  }, [confusion, open, close]);

  const shown = gallery && request && gallery.id === request.id ? gallery : null;
  return { query: request?.query ?? null, gallery: shown, waiting: request !== null && !shown, open, close };
}
