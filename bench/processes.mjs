// A process tree's memory, read from /proc: shared by the benchmark (measure.mjs) and the
// look inside the page (heap.mjs). The tree itself is tests/e2e/proc.mjs's, which the e2e
// harness uses too.
import { readFileSync } from "node:fs";
import { descendants, stat } from "../tests/e2e/proc.mjs";

export { alive, descendants, stat } from "../tests/e2e/proc.mjs";

const kb = (text, field) => Number(text.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0);

/** RSS and PSS summed over the app and every process below it (WebKit's web and network processes). */
export function memory(root) {
  let rss = 0;
  let pss = 0;
  const names = [];
  const byProcess = {};
  for (const pid of descendants(root)) {
    try {
      const text = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      rss += kb(text, "Rss") * 1024;
      pss += kb(text, "Pss") * 1024;
      const name = stat(pid)?.name ?? "?";
      names.push(name);
      byProcess[name] = (byProcess[name] ?? 0) + kb(text, "Pss") * 1024;
    } catch {
      /* ended meanwhile */
    }
  }
  return { rss, pss, names, byProcess };
}

export const mib = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;
/** A `memory()` result's PSS per process, for a log line. */
export const perProcess = (m) => `(PSS: ${Object.entries(m.byProcess).map(([name, bytes]) => `${name} ${mib(bytes)}`).join(", ")})`;
