// What an app costs at rest, read from /proc: the CPU time of its whole process tree (the
// app, WebKit's web and network processes) and its threads' wakeups (voluntary context
// switches: a thread that sleeps and is woken switches once; preemptions are not counted),
// by process and thread name, so that a figure says what woke.
//
// CPU time is each thread's `schedstat` (nanoseconds on the CPU), not `stat`'s utime and
// stime: those are whole 10 ms ticks, and an app at rest spends a few ticks a minute, so two
// readings of the same app differed by ±10 ms and a ratio of two apps by up to 2×.
import { readdirSync, readFileSync } from "node:fs";
import { descendants, stat } from "./processes.mjs";

const read = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
};

/** Each live thread of the tree: its name, nanoseconds on the CPU and voluntary switches. */
function activity(root) {
  const threads = new Map();
  for (const pid of descendants(root)) {
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
      const switches = Number(status.match(/^voluntary_ctxt_switches:\s+(\d+)/m)?.[1] ?? 0);
      const name = line.slice(line.indexOf("(") + 1, line.lastIndexOf(")"));
      threads.set(tid, { name: `${process}/${name}`, switches, runNs: Number(sched.split(" ")[0]) });
    }
  }
  return { threads };
}

/** Thread readings every `intervalMs` from now until `stop()`: a thread that ends in
    between (glib's and WebKit's pools end idle ones) keeps its time up to its last
    reading, which for an idle thread is all of it. */
export function watch(root, intervalMs = 1000) {
  const first = activity(root).threads;
  const last = new Map(first);
  const take = () => {
    const now = activity(root).threads;
    for (const [tid, thread] of now) last.set(tid, thread);
    return now;
  };
  const timer = setInterval(take, intervalMs);
  return {
    /** What the tree cost from `watch` to now, `seconds` apart (atRest). */
    stop(seconds) {
      clearInterval(timer);
      const live = take();
      const ended = [...last.keys()].filter((tid) => !live.has(tid)).length;
      return atRest(first, last, seconds, ended);
    },
  };
}

/** Between the first and the last readings of each thread, `seconds` apart: CPU ms, wakeups
    a second, the threads that woke most (with their CPU), and how many ended in between. */
function atRest(first, last, seconds, ended) {
  const byName = new Map();
  let switches = 0;
  let runNs = 0;
  for (const [tid, thread] of last) {
    // A thread started in between counts from zero.
    const was = first.get(tid);
    const woke = thread.switches - (was?.switches ?? 0);
    const ran = thread.runNs - (was?.runNs ?? 0);
    switches += woke;
    runNs += ran;
    const named = byName.get(thread.name) ?? { switches: 0, runNs: 0 };
    named.switches += woke;
    named.runNs += ran;
    byName.set(thread.name, named);
  }
  const woke = [...byName.entries()]
    .filter(([, n]) => n.switches > 0)
    .sort((a, b) => b[1].switches - a[1].switches)
    .slice(0, 5)
    .map(([name, n]) => ({ name, perSecond: n.switches / seconds, cpuMs: n.runNs / 1e6 }));
  return { cpuMs: runNs / 1e6, seconds, wakeupsPerSecond: switches / seconds, woke, ended };
}
