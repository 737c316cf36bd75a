// GPU memory as both sides speak of it: the app's budget (the worker refuses runs past it, the page
// meters against it) and how a number of bytes is written.

/**
 * GPU memory this app allows itself. WebGPU does not say how much memory a GPU has, and a tab that
 * takes much more than this loses its device on many laptops and phones. The default run needs
 * about a tenth of it.
 */
export const GPU_MEMORY_BUDGET = 1e9;

/** Bytes in words, decimal as the rest of the page: "537 MB", "2.9 GB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${Number((bytes / 1e9).toFixed(2))} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}
