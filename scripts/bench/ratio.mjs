// One wording for "how ours compares", shared by npm run bench and gpu:check.

/** "3.2x faster" or "1.5x slower" for ours against a peer, from two times (lower is better). */
export function ratio(ours, peer) {
  if (ours == null || peer == null) return null;
  return ours <= peer ? `${(peer / ours).toFixed(1)}x faster` : `${(ours / peer).toFixed(1)}x slower`;
}
