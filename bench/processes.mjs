// A process tree's memory, read from /proc: shared by the benchmark (measure.mjs) and the
// look inside the page (heap.mjs).
import { readdirSync, readFileSync } from "node:fs";

export function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state, ppid] = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state, ppid: Number(ppid), name: text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")) };
  } catch {
    return null;
  }
}
export function descendants(root) {
  const table = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const info = stat(entry);
    if (info && info.state !== "Z") table.push({ pid: Number(entry), ...info });
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const p of table) if (p.ppid === out[i]) out.push(p.pid);
  return out;
}
export const alive = (pid) => {
  const info = stat(pid);
  return info !== null && info.state !== "Z";
};
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
