import { useSyncExternalStore } from 'react';
import { appUpdate } from '../appUpdate';

/** "A new version is available — Reload": shown when a new build's service worker is waiting. */
export function UpdateBanner() {
  const available = useSyncExternalStore(appUpdate.subscribe, appUpdate.isAvailable);
  if (!available) return null;
  return (
    <div className="update-banner" role="status">
      A new version is available.{' '}
      <button type="button" onClick={appUpdate.apply}>
        Reload
      </button>{' '}
      <span className="muted">
        (reloading ends a run in progress; it is saved at its last finished epoch)
      </span>
    </div>
  );
}
