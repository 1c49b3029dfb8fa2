// An operator's lookups in the console's page, one loop for the benchmark (measure.mjs,
// over WebDriver) and the look inside the page (heap.mjs, over the inspector). It runs in
// the page, so it is self-contained: its source is what is sent there.

/**
 * Looks up each ID through the search field and its button, and gives `done` each lookup's
 * timings by the page's own measures, the user shown and the error code if any.
 */
export async function operatorLookups(ids, done) {
  const input = document.querySelector('[data-testid="search-input"]');
  const button = document.querySelector('[data-testid="search-button"]');
  // To the microsecond: a measure is the difference of two times, and floating point leaves
  // 10.00000000000091 where the clock said 10, which a budget of "≤ 10" would count as
  // missed (WebKit's clock moves in whole milliseconds).
  const duration = (name) => {
    const entry = performance.getEntriesByName(name)[0];
    return entry ? Math.round(entry.duration * 1000) / 1000 : null;
  };
  const out = [];
  for (const id of ids) {
    const painted = new Promise((resolve) => {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName("op-console:lookup-painted").length) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe({ type: "measure" });
    });
    // The operator types (or pastes) the ID, sees it, then presses: the typed text is
    // painted before the press, as it is when typing (otherwise that paint would land
    // inside the lookup). It goes in by the editing path that typing and pasting take:
    // setting `value` on the focused field would make WebKit repaint the whole window,
    // which typing does not (bench/RESULTS.md).
    input.select();
    document.execCommand("insertText", false, id);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    button.click();
    await painted;
    // The operator reads the result before the next lookup: wait until its images
    // (map tiles, logo, avatar) have arrived, so that one lookup's tiles do not queue
    // in front of the next one.
    for (let frames = 0; frames < 600; frames++) {
      const pending = [...document.querySelectorAll("main img")].some((img) => !img.complete);
      if (!pending) break;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    const error = document.querySelector('[data-testid="error-panel"]');
    out.push({
      id,
      received: duration("op-console:lookup-received"),
      updated: duration("op-console:lookup-updated"),
      rendered: duration("op-console:lookup-rendered"),
      painted: duration("op-console:lookup-painted"),
      shownUser: document.querySelector('[data-testid="user-id"]')?.textContent ?? null,
      error: error ? error.getAttribute("data-code") : null,
    });
  }
  done(out);
}
