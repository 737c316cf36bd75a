import { type RefObject, useEffect, useState } from 'react';

/**
 * A <details> that closes as a popover does: on Escape (focus back on its summary) and on a press
 * outside it. Returns whether it is open, and the handler for its toggle event.
 */
export function useDismissable(ref: RefObject<HTMLDetailsElement | null>) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const details = ref.current;
    if (!open || !details) return;
    const close = () => {
      details.open = false;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      close();
      details.querySelector('summary')?.focus();
    };
    const onPress = (event: PointerEvent) => {
      if (!details.contains(event.target as Node)) close();
    };
    details.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPress);
    return () => {
      details.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPress);
    };
  }, [open, ref]);
  return { open, onToggle: () => setOpen(ref.current?.open ?? false) };
}
