// How long a lookup takes as the operator sees it: from the call to the result on screen,
// as User Timing measures that the benchmark reads. Only the latest of each is kept, so
// a day of lookups does not grow the page's performance timeline.
import { tick } from "svelte";

export const LOOKUP_RECEIVED = "op-console:lookup-received";
/** The components have updated the DOM (before style and layout). */
export const LOOKUP_UPDATED = "op-console:lookup-updated";
export const LOOKUP_RENDERED = "op-console:lookup-rendered";
export const LOOKUP_PAINTED = "op-console:lookup-painted";

function measure(name: string, start: number, end = performance.now()) {
  performance.clearMeasures(name);
  performance.measure(name, { start, end });
}

/**
 * Call once the result is in the component state; `start` is `performance.now()` at the
 * call, `received` when the backend's answer arrived.
 */
export async function measureLookup(start: number, received: number): Promise<void> {
  measure(LOOKUP_RECEIVED, start, received);
  await tick();
  measure(LOOKUP_UPDATED, start);
  // Style and layout now: the DOM holds the result.
  void document.body.offsetHeight;
  measure(LOOKUP_RENDERED, start);
  // The frame that paints it: its animation-frame callback, then the task after its paint.
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  measure(LOOKUP_PAINTED, start);
}
