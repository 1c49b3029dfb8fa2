// What an app costs at rest, read from /proc: the CPU time of its whole process tree (the
// app, WebKit's web and network processes) and its threads' wakeups (voluntary context
// switches: a thread that sleeps and is woken switches once; preemptions are not counted),
// by process and thread name, so that a figure says what woke.
//
// CPU time is each thread's `schedstat` (nanoseconds on the CPU), not `stat`'s utime and
// stime: those are whole 10 ms ticks, and an app at rest spends a few ticks a minute, so two
// readings of the same app differed by ±10 ms and a ratio of two apps by up to 2×. The
// ticks are still summed beside it, per process (exited threads included), as a check.
import { readdirSync, readFileSync } from "node:fs";
import { descendants, stat } from "./processes.mjs";

/** Clock ticks per second of /proc's times (`getconf CLK_TCK`: 100 on Linux). */
const TICKS_PER_SECOND = 100;

const read = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
};

/** A `stat` line's fields from the third on (after the name, which may hold spaces). */
const statFields = (line) => line.slice(line.lastIndexOf(")") + 2).split(" ");

/** Each live thread of the tree (keyed by tid and start time: a tid may be reused) with its
    name, start (ticks since boot), nanoseconds on the CPU and voluntary switches; and each
    process's utime + stime in ticks. */
function activity(root) {
  const threads = new Map();
  const ticks = new Map();
  for (const pid of descendants(root)) {
    const own = read(`/proc/${pid}/stat`);
    if (own === null) continue;
    const fields = statFields(own);
    ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    const process = stat(pid)?.name ?? "?";
    let tids = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const task = `/proc/${pid}/task/${tid}`;
      const status = read(`${task}/status`);
      const line = read(`${task}/stat`);
      const sched = read(`${task}/schedstat`);
      if (status === null || line === null || sched === null) continue;
      const started = Number(statFields(line)[19]);
      const name = line.slice(line.indexOf("(") + 1, line.lastIndexOf(")"));
      threads.set(`${tid}:${started}`, {
        name: `${process}/${name}`,
        started,
        switches: Number(status.match(/^voluntary_ctxt_switches:\s+(\d+)/m)?.[1] ?? 0),
        runNs: Number(sched.split(" ")[0]),
      });
    }
  }
  return { threads, ticks };
}

const uptimeTicks = () => Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]) * TICKS_PER_SECOND;

/** Thread readings every `intervalMs` from now until `stop()`: a thread that ends in
    between (glib's and WebKit's pools end idle ones) keeps its time up to its last
    reading, which for an idle thread is all of it. */
export function watch(root, intervalMs = 1000) {
  const since = uptimeTicks();
  const startedAt = performance.now();
  const first = activity(root);
  if (!(first.threads.size && [...first.threads.values()].some((t) => t.runNs > 0))) {
    throw new Error("bench/idle.mjs: /proc/<pid>/task/<tid>/schedstat is missing or reads 0 (a kernel without CONFIG_SCHED_INFO)");
  }
  const last = new Map(first.threads);
  const take = () => {
    const now = activity(root);
    for (const [key, thread] of now.threads) last.set(key, thread);
    return now;
  };
  const timer = setInterval(take, intervalMs);
  return {
    /** What the tree cost from `watch` to now (atRest). */
    stop() {
      clearInterval(timer);
      const now = take();
      const seconds = (performance.now() - startedAt) / 1000;
      const ended = [...last.keys()].filter((key) => !now.threads.has(key)).length;
      let ticks = 0;
      for (const [pid, value] of now.ticks) if (first.ticks.has(pid)) ticks += value - first.ticks.get(pid);
      return { ...atRest(first.threads, last, since, seconds), ended, ticksMs: (ticks * 1000) / TICKS_PER_SECOND };
    },
  };
}

/** Between the first and the last readings of each thread, `seconds` apart: CPU ms, wakeups
    a second, the threads that woke most and those that took most CPU, and the threads left out: not
    in the first reading though started before it (a read that failed). */
function atRest(first, last, since, seconds) {
  const byName = new Map();
  let switches = 0;
  let runNs = 0;
  let unseen = 0;
  for (const [key, thread] of last) {
    const was = first.get(key);
    // A thread started in between counts from zero; one that was there unread is left out.
    if (!was && thread.started < since) {
      unseen += 1;
      continue;
    }
    const woke = Math.max(0, thread.switches - (was?.switches ?? 0));
    const ran = Math.max(0, thread.runNs - (was?.runNs ?? 0));
    switches += woke;
    runNs += ran;
    const named = byName.get(thread.name) ?? { switches: 0, runNs: 0 };
    named.switches += woke;
    named.runNs += ran;
    byName.set(thread.name, named);
  }
  const top = (by) =>
    [...byName.entries()]
      .filter(([, n]) => n[by] > 0)
      .sort((a, b) => b[1][by] - a[1][by])
      .slice(0, 5)
      .map(([name, n]) => ({ name, perSecond: n.switches / seconds, cpuMs: n.runNs / 1e6 }));
  return { cpuMs: runNs / 1e6, seconds, wakeupsPerSecond: switches / seconds, woke: top("switches"), costliest: top("runNs"), unseen };
}
