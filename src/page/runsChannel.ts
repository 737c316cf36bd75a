// Tabs of the app tell each other that a saved run changed (saved, renamed, deleted), so every
// tab's list stays in step. Where BroadcastChannel is missing, each tab still sees others' changes
// at its next refresh, and autosave still never brings back a run deleted elsewhere (SavedRuns.put).

const CHANNEL = 'digits-on-webgpu:saved-runs';

export class RunsChannel {
  private readonly channel: BroadcastChannel | null;

  constructor(onChange: (id: string) => void) {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    if (this.channel)
      this.channel.onmessage = (event: MessageEvent<{ id?: unknown }>) => {
        if (typeof event.data?.id === 'string') onChange(event.data.id);
      };
  }

  /** Tells the other tabs (never this one) that run `id` changed. */
  announce(id: string): void {
    this.channel?.postMessage({ id });
  }
}
