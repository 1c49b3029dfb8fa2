// What an app costs at rest, read from /proc: the CPU time of its whole process tree (the
// app, WebKit's web and network processes) and its threads' wakeups (voluntary context
// switches: a thread that sleeps and is woken switches once; preemptions are not counted),
// by process and thread name, so that a figure says what woke.
import { readdirSync, readFileSync } from "node:fs";
import { descendants, stat } from "./processes.mjs";

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** utime + stime of a `stat` line, in ticks (fields 14 and 15). */
function cpuTicks(text) {
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

const read = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
};

/** The tree's CPU time (exited threads included: a process's own line keeps theirs; a process that
    exits in between takes its own with it) and each live thread's switches. */
export function activity(root) {
  let ticks = 0;
  const threads = new Map();
  for (const pid of descendants(root)) {
    const own = read(`/proc/${pid}/stat`);
    if (own === null) continue;
    ticks += cpuTicks(own);
    const process = stat(pid)?.name ?? "?";
    let tids = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const status = read(`/proc/${pid}/task/${tid}/status`);
      const line = read(`/proc/${pid}/task/${tid}/stat`);
      if (status === null || line === null) continue;
      const count = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+)`, "m"))?.[1] ?? 0);
      const name = line.slice(line.indexOf("(") + 1, line.lastIndexOf(")"));
      threads.set(tid, { name: `${process}/${name}`, switches: count("voluntary_ctxt_switches") });
    }
  }
  return { cpuMs: (ticks * 1000) / TICKS_PER_SECOND, threads };
}

/** Between two `activity` readings `seconds` apart: CPU ms, wakeups a second, and the threads that woke most. */
export function atRest(before, after, seconds) {
  const byName = new Map();
  let switches = 0;
  for (const [tid, thread] of after.threads) {
    // A thread started in between counts from zero.
    const delta = thread.switches - (before.threads.get(tid)?.switches ?? 0);
    switches += delta;
    byName.set(thread.name, (byName.get(thread.name) ?? 0) + delta);
  }
  const woke = [...byName.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, n]) => ({ name, perSecond: n / seconds }));
  return { cpuMs: after.cpuMs - before.cpuMs, seconds, wakeupsPerSecond: switches / seconds, woke };
}
