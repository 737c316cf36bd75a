import { type RefObject, useEffect, useState } from 'react';

export interface SideScroll {
  /** The region's visible width in CSS pixels (0 before the first measure). */
  width: number;
  /** Whether part of its content lies beyond its left or its right edge. */
  moreLeft: boolean;
  moreRight: boolean;
}

const NONE: SideScroll = { width: 0, moreLeft: false, moreRight: false };

/**
 * Watches a region that scrolls sideways (the confusion matrix on a phone): how wide it shows, and
 * whether there is more to either side, so that the page can say so instead of cutting columns off.
 */
export function useSideScroll(ref: RefObject<HTMLElement | null>): SideScroll {
  const [state, setState] = useState<SideScroll>(NONE);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const { clientWidth, scrollWidth, scrollLeft } = element;
      const next = {
        width: clientWidth,
        moreLeft: scrollLeft > 1,
        moreRight: scrollLeft + clientWidth < scrollWidth - 1,
      };
      setState((s) =>
        s.width === next.width && s.moreLeft === next.moreLeft && s.moreRight === next.moreRight ? s : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, [ref]);
  return state;
}
