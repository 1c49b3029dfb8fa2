// Where the page's memory goes over many lookups: Op Console's devtools build, driven over
// WebKit's remote inspector (127.0.0.1 only). Prints the PSS of the app and its WebKit
// processes along the way, JavaScriptCore's heap snapshots (live cells by class) before
// and after, the difference, and the PSS after a forced full collection. Run by
// bench/heap.sh, which builds that binary and provides the headless session.
//
//   node --experimental-websocket bench/heap.mjs BINARY [COUNT] [lookups|render|ipc]
//     lookups  the operator's lookups through the search field (the benchmark's)
//     render   the last two answers shown in turn (Alt+← / Alt+→): rendering, no IPC
//     ipc      lookup_chat invoked COUNT times: the IPC and the answer, nothing rendered
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLE, xdgFolders } from "../tests/e2e/harness.mjs";
import { operatorLookups } from "./operator.mjs";
import { memory, mib, perProcess } from "./processes.mjs";

const [binary, countArg = "3000", mode = "lookups"] = process.argv.slice(2);
const COUNT = Number(countArg);
const STEP = 500;
const INSPECTOR = "127.0.0.1:9222";
const USERS = [EXAMPLE, "u0001-rich"];
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (line) => process.stdout.write(`${line}\n`);

// ---------- the app and its memory ----------

const home = mkdtempSync(join(tmpdir(), "heap-"));
const app = spawn(binary, [], {
  stdio: "ignore",
  env: {
    ...process.env,
    HOME: home,
    ...xdgFolders(home),
    WEBKIT_INSPECTOR_HTTP_SERVER: INSPECTOR,
  },
});
process.on("exit", () => app.kill());

/** PSS of the app and its WebKit processes, per process. */
function pss() {
  const now = memory(app.pid);
  return `${mib(now.pss)} ${perProcess(now)}`;
}

// ---------- the inspector ----------

// The page lists its inspectable targets; the console's window is the only one.
let socketPath = null;
for (let i = 0; i < 150 && !socketPath; i++) {
  socketPath = await fetch(`http://${INSPECTOR}/`)
    .then((r) => r.text())
    .then((html) => html.match(/\/socket\/\d+\/\d+\/WebPage/)?.[0] ?? null)
    .catch(() => null);
  if (!socketPath) await delay(200);
}
if (!socketPath) throw new Error("the app's remote inspector did not answer (is this the devtools build?)");

const ws = new WebSocket(`ws://${INSPECTOR}${socketPath}`);
const pending = new Map();
let nextId = 1;
let page = null;
const pageKnown = new Promise((resolve) => {
  ws.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.method === "Target.targetCreated" && message.params.targetInfo.type === "page") {
      page = message.params.targetInfo.targetId;
      resolve();
    } else if (message.method === "Target.dispatchMessageFromTarget") {
      const inner = JSON.parse(message.params.message);
      pending.get(inner.id)?.(inner);
      pending.delete(inner.id);
    }
  };
});
await new Promise((resolve, reject) => {
  ws.onopen = resolve;
  ws.onerror = reject;
});
await pageKnown;

/** A command to the page's inspector backend (through the Target domain). */
function send(method, params = {}) {
  const id = nextId++;
  const answered = new Promise((resolve) => pending.set(id, resolve));
  ws.send(JSON.stringify({ id: nextId++, method: "Target.sendMessageToTarget", params: { targetId: page, message: JSON.stringify({ id, method, params }) } }));
  return answered;
}

async function evaluate(expression) {
  const answer = await send("Runtime.evaluate", { expression, returnByValue: true });
  if (answer.error || answer.result.wasThrown) throw new Error(`in the page: ${JSON.stringify(answer)}`);
  return answer.result.result.value;
}

/** Runs an async loop in the page and waits for it (polling: one evaluation may not outlast the socket's patience). */
async function inPage(body) {
  await evaluate(`window.__heapDone = null; (async () => { ${body} })().then(() => (window.__heapDone = true), (e) => (window.__heapDone = String(e))); 0`);
  for (;;) {
    const done = await evaluate("window.__heapDone");
    if (done === true) return;
    if (done !== null) throw new Error(`in the page: ${done}`);
    await delay(500);
  }
}

// What an operator waits for after Alt+← / Alt+→: the result painted and its images loaded.
const settle = `
  for (let f = 0; f < 600; f++) {
    if (![...document.querySelectorAll("main img")].some((img) => !img.complete)) break;
    await new Promise((r) => requestAnimationFrame(r));
  }`;
const steps = {
  lookups: (n, offset) => `
    const ids = ${JSON.stringify(Array.from({ length: n }, (_, i) => USERS[(i + offset) % 2]))};
    await new Promise((done) => (${operatorLookups})(ids, done));`,
  render: (n, offset) => `
    for (let i = 0; i < ${n}; i++) {
      window.dispatchEvent(new KeyboardEvent("keydown", { key: (i + ${offset}) % 2 ? "ArrowRight" : "ArrowLeft", altKey: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      ${settle}
    }`,
  ipc: (n, offset) => `
    const users = ${JSON.stringify(USERS)};
    for (let i = 0; i < ${n}; i++) await window.__TAURI_INTERNALS__.invoke("lookup_chat", { userId: users[(i + ${offset}) % 2], profileId: null });`,
};
if (!steps[mode]) throw new Error(`unknown mode ${mode}: lookups, render or ipc`);

/** Live cells by class; taking a snapshot runs a full collection first. */
async function snapshot() {
  const answer = await send("Heap.snapshot");
  const { nodes, nodeClassNames } = JSON.parse(answer.result.snapshotData);
  const byClass = new Map();
  let bytes = 0;
  // Each cell is [id, size, class name index, flags].
  for (let i = 0; i < nodes.length; i += 4) {
    const entry = byClass.get(nodeClassNames[nodes[i + 2]]) ?? { cells: 0, bytes: 0 };
    entry.cells++;
    entry.bytes += nodes[i + 1];
    byClass.set(nodeClassNames[nodes[i + 2]], entry);
    bytes += nodes[i + 1];
  }
  return { byClass, bytes, cells: nodes.length / 4 };
}

// ---------- the run ----------

for (let i = 0; i < 150; i++) {
  if (await evaluate(`!!document.querySelector('[data-testid="search-input"]')`)) break;
  await delay(200);
}
await send("Heap.enable");
// The demo profile: two users, so that each lookup changes the result and the map.
await inPage(steps.lookups(10, 0));
await delay(3000);
log(`mode ${mode}, ${COUNT} steps after 10 lookups (demo profile)`);
log(`after 10 lookups: PSS ${pss()}`);
const before = await snapshot();
log(`JavaScript heap after a full collection: ${(before.bytes / 1048576).toFixed(1)} MiB in ${before.cells} cells; PSS ${pss()}`);
for (let done = 0; done < COUNT; done += STEP) {
  await inPage(steps[mode](Math.min(STEP, COUNT - done), done));
  log(`after ${Math.min(done + STEP, COUNT)}: PSS ${pss()}`);
}
await delay(3000);
log(`settled: PSS ${pss()}`);
const after = await snapshot();
log(`JavaScript heap after a full collection: ${(after.bytes / 1048576).toFixed(1)} MiB in ${after.cells} cells`);
const changes = [...after.byClass]
  .map(([name, a]) => ({ name, cells: a.cells - (before.byClass.get(name)?.cells ?? 0), bytes: a.bytes - (before.byClass.get(name)?.bytes ?? 0) }))
  .sort((x, y) => Math.abs(y.bytes) - Math.abs(x.bytes))
  .slice(0, 10);
for (const c of changes) log(`  ${c.name}: ${c.cells >= 0 ? "+" : ""}${c.cells} cells, ${(c.bytes / 1024).toFixed(0)} KiB`);
await send("Heap.gc");
await delay(5000);
log(`after a forced full collection: PSS ${pss()}`);
ws.close();
app.kill();
process.exit(0);
