import { useCallback, useEffect, useState } from 'react';
import type { TrainerClient } from '../../page/client';
import type { Snapshot } from '../../page/store';
import type { BrowseQuery } from '../../protocol/browse';

/** The Training data panel's choice (set, digit, page), asked of the worker; the store keeps the answer. */
export function useDataBrowser(client: TrainerClient, snapshot: Snapshot) {
  const [query, setQuery] = useState<BrowseQuery>({ set: 'train', digit: null, page: 0 });
  // New samples: the data (MNIST, or an imported data set) was put on the device again.
  const { samples } = snapshot;
  useEffect(() => {
    if (samples) client.browse(query);
  }, [client, samples, query]);
  const change = useCallback(
    (next: Partial<BrowseQuery>) => setQuery((q) => ({ ...q, page: 0, ...next })),
    [],
  );
  return { query, shown: snapshot.browsed, change, dataset: snapshot.dataset };
}
