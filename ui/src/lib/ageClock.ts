// The clock behind the ages on screen ("3 分钟前获取"): it ticks when the age of the result on
// screen reaches its next whole minute, not on an interval, so the page at rest changes (and
// paints) at most once a minute; while the window is hidden it does not tick at all, and it
// catches up when the window is shown again.
import { AGE_STEP_MS } from "./format";

/**
 * Calls `tick(now)` at each whole minute of the age of `anchor` (the fetch time of the result
 * on screen; nothing when there is none: no age is shown), and once when the page is shown
 * again. Returns the function that stops it.
 */
export function startAgeClock(anchor: number | null, tick: (now: number) => void): () => void {
  if (anchor === null) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = undefined;
    if (document.visibilityState === "hidden") return;
    const age = Date.now() - anchor;
    // A little past the minute, so that a timer fired early never shows the old age again.
    const wait = AGE_STEP_MS - (((age % AGE_STEP_MS) + AGE_STEP_MS) % AGE_STEP_MS) + 50;
    timer = setTimeout(() => {
      tick(Date.now());
      schedule();
    }, wait);
  };
  const onVisibility = () => {
    if (document.visibilityState !== "hidden") tick(Date.now());
    schedule();
  };
  document.addEventListener("visibilitychange", onVisibility);
  schedule();
  return () => {
    clearTimeout(timer);
    document.removeEventListener("visibilitychange", onVisibility);
  };
}
