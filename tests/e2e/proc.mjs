// Processes as /proc shows them: the e2e harness ends what a test's console left running,
// and the benchmark (bench/processes.mjs) measures a console's process tree.
import { readdirSync, readFileSync } from "node:fs";

/** A process's state, parent, name and start time (in clock ticks after boot); null once gone. */
export function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The name may hold spaces and parentheses: the fields after it start past the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0], ppid: Number(fields[1]), start: fields[19], name: text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")) };
  } catch {
    return null;
  }
}

/** `root` and every running process below it. */
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

/** Running: a zombie waiting for its parent has ended. */
export const alive = (pid) => {
  const info = stat(pid);
  return info !== null && info.state !== "Z";
};
