// How long a lookup takes as the operator sees it: from the call to the result on screen,
// as User Timing measures that the benchmark reads. Only the latest of each is kept, so
// a day of lookups does not grow the page's performance timeline.
import { tick } from "svelte";

export const LOOKUP_RENDERED = "op-console:lookup-rendered";
export const LOOKUP_PAINTED = "op-console:lookup-painted";

function measure(name: string, start: number) {
  performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
}

/** Call once the result is in the component state; `start` is `performance.now()` at the call. */
export async function measureLookup(start: number): Promise<void> {
  await tick();
  // Style and layout now: the DOM holds the result.
  void document.body.offsetHeight;
  measure(LOOKUP_RENDERED, start);
  // The frame that paints it: its animation-frame callback, then the task after its paint.
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  measure(LOOKUP_PAINTED, start);
}
