// Checks run inside the page (page.evaluate): each function is self-contained, since Playwright
// sends its source to the browser.

/**
 * Every box that passes its card's edges, and every text its frame cuts. Each element and each text
 * run inside a `.card` must lie inside its frame: the nearest ancestor that clips (overflow hidden,
 * or an <svg>: a chart's label, its <text>, outside its surface is cut off), else the card. Inside a region
 * that scrolls, content may pass the region's edges (it scrolls there); the region itself may not.
 * Returns one line per misfit, empty when everything fits.
 */
export function misfits(): string[] {
  const SLACK = 1;
  const found: string[] = [];
  const label = (node: Node): string => {
    const e = node instanceof Element ? node : node.parentElement;
    if (!e) return '?';
    const cls = (e.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
    const id = e.getAttribute('data-testid');
    const text = (node.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${e.tagName.toLowerCase()}${id ? `[${id}]` : ''}${cls.map((c) => `.${c}`).join('')} "${text}"`;
  };
  const round = (r: DOMRect) =>
    `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;
  const unseen = (e: Element): boolean => {
    // Not shown: display none, or inside a closed <details> (content-visibility: hidden).
    if (!e.checkVisibility({ visibilityProperty: true })) return true;
    // Visually hidden text for screen readers: a box about 1 px across that clips what is in it.
    const box = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    return (box.width <= 1 || box.height <= 1) && (style.clipPath !== 'none' || style.overflow === 'hidden');
  };
  /** The nearest ancestor below the card that clips; null: the card. 'skip': do not check. */
  const frameOf = (node: Node, card: Element): Element | null | 'skip' => {
    for (let e = node.parentElement; e && e !== card; e = e.parentElement) {
      if (unseen(e)) return 'skip';
      if (e instanceof SVGSVGElement) return e;
      const style = getComputedStyle(e);
      const clips = [style.overflowX, style.overflowY];
      if (clips.some((o) => o === 'auto' || o === 'scroll')) return 'skip';
      if (clips.some((o) => o === 'hidden' || o === 'clip')) return e;
    }
    return null;
  };
  const inside = (box: DOMRect, frame: DOMRect) =>
    box.left >= frame.left - SLACK &&
    box.top >= frame.top - SLACK &&
    box.right <= frame.right + SLACK &&
    box.bottom <= frame.bottom + SLACK;
  for (const card of document.querySelectorAll('.card')) {
    if (unseen(card)) continue;
    const cardBox = card.getBoundingClientRect();
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // In a chart only its words are checked: its lines are clipped to the plot on purpose.
      const inChart = (node instanceof Element ? node : node.parentElement)?.closest('svg');
      if (inChart && !(node instanceof SVGTextElement)) continue;
      let box: DOMRect;
      if (node instanceof Element) {
        if (unseen(node)) continue;
        box = node.getBoundingClientRect();
      } else {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        box = range.getBoundingClientRect();
      }
      if (box.width === 0 || box.height === 0) continue;
      const frame = frameOf(node, card);
      if (frame === 'skip') continue;
      const frameBox = frame ? frame.getBoundingClientRect() : cardBox;
      if (!inside(box, frameBox))
        found.push(
          `${label(node)} at ${round(box)} passes ${frame ? label(frame) : `its card ${label(card)}`} at ${round(frameBox)}`,
        );
    }
  }
  return found;
}

/**
 * Every control that can be seen and is smaller than 24 by 24 CSS pixels (WCAG 2.2 target size,
 * 2.5.8). Links inside a sentence are exempt, as WCAG exempts them.
 */
export function smallTargets(): string[] {
  const MIN = 24;
  const found: string[] = [];
  const controls = document.querySelectorAll(
    'button, select, textarea, summary, input:not([type="hidden"]), [role="tab"], [tabindex="0"]',
  );
  for (const control of controls) {
    const box = control.getBoundingClientRect();
    if (!control.checkVisibility({ visibilityProperty: true }) || box.width <= 1 || box.height <= 1) continue;
    // NOTE: rounded, as browsers lay out in fractions of a pixel (23.99 is 24).
    if (Math.round(box.width) < MIN || Math.round(box.height) < MIN) {
      const name = control.getAttribute('aria-label') ?? control.textContent?.trim().slice(0, 30) ?? '';
      const type = control.getAttribute('type');
      found.push(
        `${control.tagName.toLowerCase()}${type ? `[${type}]` : ''} "${name}" is ${Math.round(box.width)}x${Math.round(box.height)}`,
      );
    }
  }
  return found;
}
