// Op Console against a bare Tauri 2 app on the same tauri: sizes, cold start, idle memory,
// lookup latency and memory over many lookups. Run by bench/run.sh, which builds both
// release apps and their installers and provides the headless session (loopback-only
// network, Xvfb, D-Bus, keyring). Prints one table; writes it with the machine's
// description to target/bench/results.md.
import { execFile, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { gzipSync } from "node:zlib";
import { chartSvg } from "./chart.mjs";
import { operatorLookups } from "./operator.mjs";
import { watch } from "./idle.mjs";
import { openColdLink, registerLinkHandler, xdgOpenProbe } from "./coldLink.mjs";
import { alive, descendants, memory, mib, perProcess } from "./processes.mjs";
import {
  canConnect,
  CLIENT,
  consoleLog,
  consolesBelow,
  ended,
  EXAMPLE,
  filesUnder,
  found,
  IDENTIFIER,
  remote,
  ROOT,
  SECRET,
  setClipboard,
  start,
  startOpSim,
  stop,
  stopAll,
  TARGET,
  TOKEN,
  waitFor,
  windowShown,
  xdgFolders,
} from "../tests/e2e/harness.mjs";

const STARTS = Number(process.env.BENCH_STARTS ?? 10);
/** Full rounds of alternating starts: each ratio is reported per run, with their spread. */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 200);
const LEAK_LOOKUPS = Number(process.env.BENCH_LEAK_LOOKUPS ?? 5000);
/** The page's memory may grow over a day of lookups by at most this much above its idle size. */
const PLATEAU_BUDGET_BYTES = 50 * 1048576;
const FIRST_LOOKUPS = 10;
/** Cold links, each beside a cold start of the bare app. */
const LINKS = Number(process.env.BENCH_LINKS ?? 10);
/** A cold link's answer may be painted this long after the bare app's cold start (issue 27). */
const LINK_BUDGET_MS = 100;
/** Each app at rest, shown and hidden, this long per run (figures are given per 10 minutes). */
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 120);
/** The benchmark's profile: its file, its credentials and its recent lookups. */
const PROFILE_ID = "bench";
/** The console's recent list holds this many lookups (console-core's RECENT_LIMIT; checked below). */
const RECENT_LIMIT = 50;
const RELEASE = join(TARGET, "release");
const OUT = join(ROOT, "target/bench");

const apps = {
  bare: { title: "bare Tauri app", binary: join(RELEASE, "op-bench-bare"), page: join(ROOT, "bench/bare-app/page"), product: "Op Bench Bare" },
  op: { title: "Op Console", binary: join(RELEASE, "op-console"), page: join(ROOT, "ui/dist"), product: "Op Console" },
};
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (line) => process.stderr.write(`bench: ${line}\n`);

// ---------- sizes ----------

function newestBundle(kind, product) {
  const dir = join(RELEASE, "bundle", kind);
  const files = readdirSync(dir)
    .filter((name) => name.startsWith(product) && name.endsWith(`.${kind}`))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!files.length) throw new Error(`no ${kind} of ${product} in ${dir}`);
  return files[0];
}
/** Each file of the page gzipped on its own (as a server or an updater would send it). */
const gzipped = (dir) => filesUnder(dir).reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);

function sizes(app) {
  return {
    deb: statSync(newestBundle("deb", app.product)).size,
    rpm: statSync(newestBundle("rpm", app.product)).size,
    binary: statSync(app.binary).size,
    page: gzipped(app.page),
  };
}

// ---------- processes and memory ----------

/** Memory once it has settled: sampled every 500 ms until four samples in a row agree within 0.5 %. */
async function settledMemory(root) {
  const samples = [];
  const started = Date.now();
  for (;;) {
    samples.push(memory(root));
    const last = samples.slice(-4).map((s) => s.pss);
    if (last.length === 4 && (Math.max(...last) - Math.min(...last)) / Math.max(...last) <= 0.005) {
      return { ...samples.at(-1), settledMs: Date.now() - started };
    }
    if (Date.now() - started > 30000) return { ...samples.at(-1), settledMs: NaN };
    await delay(500);
  }
}

// ---------- cold start and idle memory ----------

/** Process start → the app's `ui-ready` line (its page is ready for input). */
async function launch(app, home, args = [], env = {}) {
  const started = performance.now();
  const child = spawn(app.binary, args, { env: { ...process.env, ...xdgFolders(home), ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  // The app's own clock too: from its main() to the page loaded and to ui-ready.
  const inside = {};
  const readyMs = await new Promise((resolve, reject) => {
    let out = "";
    let ready = false;
    const timer = setTimeout(() => reject(new Error(`${app.title}: no ui-ready line within 60 s`)), 60000);
    child.stdout.on("data", (chunk) => {
      if (ready) return;
      out += chunk;
      for (const [, what, ms] of out.matchAll(/(page-loaded|ui-ready) (\d+) ms after start/g)) inside[what] ??= Number(ms);
      if (inside["ui-ready"] !== undefined) {
        ready = true;
        clearTimeout(timer);
        resolve(performance.now() - started);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${app.title} exited (${code}) before it was ready:\n${stderr}`));
    });
  });
  return { child, readyMs, inside };
}

/** Ends the app and waits until it and its WebKit processes are gone (the next start must not find them). */
async function end(child) {
  const tree = descendants(child.pid).map(found);
  child.kill("SIGTERM");
  await ended(tree, "bench: the app after SIGTERM", 15000);
}

/** RUNS full rounds of alternating cold starts, one result per run. */
async function startRuns() {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    log(`start run ${run + 1}/${RUNS}`);
    runs.push(await startsAndIdleMemory());
  }
  return runs;
}

async function startsAndIdleMemory() {
  const homes = { bare: mkdtempSync(join(tmpdir(), "bench-bare-")), op: mkdtempSync(join(tmpdir(), "bench-op-")) };
  const results = {};
  for (const key of ["bare", "op"]) results[key] = { startMs: [], toMain: [], toPage: [], pageToReady: [], idle: [] };
  // A first start of each, not counted: it creates the app's folders and fills the page cache.
  for (const key of ["bare", "op"]) await end((await launch(apps[key], homes[key])).child);
  for (let round = 0; round < STARTS; round++) {
    for (const key of round % 2 ? ["op", "bare"] : ["bare", "op"]) {
      const { child, readyMs, inside } = await launch(apps[key], homes[key]);
      const idle = await settledMemory(child.pid);
      await end(child);
      results[key].startMs.push(readyMs);
      results[key].toMain.push(readyMs - inside["ui-ready"]);
      results[key].toPage.push(inside["page-loaded"]);
      results[key].pageToReady.push(inside["ui-ready"] - inside["page-loaded"]);
      results[key].idle.push(idle);
      log(`start ${round + 1}/${STARTS} ${key}: ready in ${readyMs.toFixed(0)} ms, idle PSS ${mib(idle.pss)} (${idle.names.join(", ")})`);
    }
  }
  return results;
}

// ---------- a cold link ----------

/** Ends the console a link started, and xdg-open, which waits for it. */
async function endLinked({ opener, consoles }) {
  const tree = descendants(opener.pid).map(found);
  for (const console of consoles) stop(console, "SIGTERM");
  await ended(tree, "bench: the console a link started, after SIGTERM", 15000);
}

/** LINKS cold links to an answer, alternating with the bare app's cold starts. */
async function linkRuns() {
  const homes = { bare: mkdtempSync(join(tmpdir(), "bench-bare-")), op: mkdtempSync(join(tmpdir(), "bench-link-")) };
  const xdg = xdgFolders(homes.op);
  registerLinkHandler(apps.op.binary, xdg);
  const link = `opconsole://lookup/${EXAMPLE}`;
  const results = { bare: [], op: [], consoleMs: [], xdgOpen: [] };
  const probe = xdgOpenProbe(xdg);
  // A first of each, not counted: the app's folders, the page cache.
  await end((await launch(apps.bare, homes.bare)).child);
  await endLinked(await openColdLink(link, xdg, apps.op.binary));
  for (let round = 0; round < LINKS; round++) {
    for (const key of round % 2 ? ["op", "bare"] : ["bare", "op"]) {
      if (key === "bare") {
        const { child, readyMs } = await launch(apps.bare, homes.bare);
        await end(child);
        results.bare.push(readyMs);
        continue;
      }
      const opened = await openColdLink(link, xdg, apps.op.binary);
      await endLinked(opened);
      if (opened.source !== "Link") throw new Error(`the console took the link for a ${opened.source} request`);
      results.op.push(opened.paintedMs);
      results.consoleMs.push(opened.consoleMs);
      results.xdgOpen.push(probe());
      log(`link ${round + 1}/${LINKS}: painted ${opened.paintedMs} ms after xdg-open (${opened.consoleMs} ms after the console's main())`);
    }
  }
  return results;
}

// ---------- at rest ----------

const X11 = join(ROOT, "bench/x11.py");
/** Frames presented to `pid`'s windows over `seconds` (bench/x11.py, the X server's DAMAGE):
    how many, and the second of the window each came at. */
const framesOver = (pid, seconds) =>
  new Promise((resolve, reject) =>
    execFile("/usr/bin/python3", [X11, "frames", String(pid), String(seconds), "times"], { timeout: (seconds + 30) * 1000 }, (error, out) => {
      if (error) return reject(error);
      const [count, times = ""] = out.split("\n");
      resolve({ count: Number(count), times: times.trim() === "" ? [] : times.trim().split(" ").map(Number) });
    }),
  );
/** GTK's caret blinks this long after the last input (`gtk-cursor-blink-timeout`'s default);
    Op Console keeps the rule (src-tauri/src/desktop/caret.rs), WebKit alone does not. */
const CARET_BLINK_TIMEOUT_S = 10;
const mapped = (pid) => {
  try {
    return execFileSync("xdotool", ["search", "--onlyvisible", "--pid", String(pid)], { encoding: "utf8" }).trim() !== "";
  } catch {
    return false; // xdotool exits 1 when it finds none
  }
};

/** Shown, a window is watched past the caret's blink timeout for IDLE_SECONDS more: its
    frames at rest are counted over whole minutes (the age label changes once a minute, so a
    window of 110 s could hold two changes and read 1.1 a minute). */
const SHOWN_SECONDS = IDLE_SECONDS + CARET_BLINK_TIMEOUT_S;

/** `pid` at rest (IDLE_SECONDS hidden, SHOWN_SECONDS shown): its tree's CPU time and
    wakeups, and its frames when shown. */
async function rest(pid, shown) {
  await settledMemory(pid);
  const watching = watch(pid);
  const seconds = shown ? SHOWN_SECONDS : IDLE_SECONDS;
  const seen = shown ? await framesOver(pid, seconds) : (await delay(seconds * 1000), null);
  // The window's first IDLE_SECONDS, and the IDLE_SECONDS past the caret's blink timeout
  // (the window's focus, the last input, came before the window began).
  const frames = seen ? seen.times.filter((t) => t < IDLE_SECONDS).length : null;
  const framesAfterCaret = seen ? seen.times.filter((t) => t >= CARET_BLINK_TIMEOUT_S).length : null;
  return { ...watching.stop(), frames, framesAfterCaret };
}

/**
 * Each app at rest: shown (Op Console after a lookup, its "fetched … ago" label live) and
 * then hidden by its window's close (Op Console's close to the tray; the bare app hides the
 * same way, BARE_CLOSE_TO_TRAY).
 */
async function idleRun(base, serverUs) {
  const out = {};
  for (const key of ["bare", "op"]) {
    const home = mkdtempSync(join(tmpdir(), `bench-idle-${key}-`));
    let args = [];
    let env = { BARE_CLOSE_TO_TRAY: "1" };
    if (key === "op") {
      operatorHome(home, base);
      const configDir = join(xdgFolders(home).XDG_CONFIG_HOME, IDENTIFIER);
      writeFileSync(join(configDir, "desktop.json"), JSON.stringify({ closeToTray: true }));
      args = ["--lookup", EXAMPLE];
      env = {};
    }
    const looked = serverUs.length;
    const { child } = await launch(apps[key], home, args, env);
    if (key === "op") await waitFor(() => serverUs.length > looked, "the lookup at start, at op-sim", 30000);
    await waitFor(() => mapped(child.pid), `${apps[key].title}'s window shown`, 30000);
    const shown = await rest(child.pid, true);
    execFileSync("/usr/bin/python3", [X11, "close", String(child.pid)]);
    await waitFor(() => !mapped(child.pid), `${apps[key].title}'s window hidden by its close`, 30000);
    if (!alive(child.pid)) throw new Error(`${apps[key].title} exited on close instead of hiding`);
    const hidden = await rest(child.pid, false);
    await end(child);
    out[key] = { shown, hidden };
    const line = (r) =>
      `${r.cpuMs.toFixed(1)} ms CPU, ${r.wakeupsPerSecond.toFixed(1)} wakeups/s${r.frames === null ? "" : `, ${r.frames} frames`}${r.ended ? `, ${r.ended} threads ended` : ""}`;
    log(`at rest, ${key}: shown ${SHOWN_SECONDS} s, ${line(shown)}; hidden ${IDLE_SECONDS} s, ${line(hidden)}`);
  }
  return out;
}

async function idleRuns() {
  const { base, serverUs } = await startSim();
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    log(`at rest, run ${run + 1}/${RUNS}`);
    runs.push(await idleRun(base, serverUs));
  }
  return runs;
}

// ---------- lookups through the UI ----------

async function startSim() {
  const { base, sim } = await startOpSim(join(RELEASE, "op-sim"), [], { RUST_LOG: "info", NO_COLOR: "1" });
  // Its log names each lookup with the time spent answering it.
  const serverUs = [];
  createInterface({ input: sim.stderr }).on("line", (line) => {
    const match = line.match(/\blookup\b.*\bserver_us=(\d+)/);
    if (match) serverUs.push(Number(match[1]));
  });
  return { base, serverUs };
}


/** Times `n` invokes of `command` from the page, with nothing rendered. */
function invokes(browser, n, command, args) {
  return browser.executeAsync(async (n, command, args, done) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      await window.__TAURI_INTERNALS__.invoke(command, args[i % args.length]);
      out.push(performance.now() - started);
    }
    done(out);
  }, n, command, args);
}

const HOTKEY_PRESSES = Number(process.env.BENCH_HOTKEY_PRESSES ?? 100);

/** What the console logs of each "look up the clipboard": its steps after the press (src-tauri/src/desktop/mod.rs). */
const ASKED = /asked at (\d+) ms since the epoch: window shown after ([\d.]+) ms, clipboard read after ([\d.]+) ms, sent to the page after ([\d.]+) ms/;
function askedLines(home) {
  return consoleLog(xdgFolders(home))
    .split("\n")
    .map((line) => line.match(ASKED))
    .filter(Boolean)
    .map(([, at, shown, read, sent]) => ({ at: Number(at), shown: Number(shown), read: Number(read), sent: Number(sent) }));
}

/**
 * Key presses through XTEST from one long-lived process (bench/x11.py keys): `press`
 * resolves with the press's time (epoch ms), with no program's start in it.
 */
function keyPresser() {
  const child = spawn("/usr/bin/python3", [X11, "keys"], { stdio: ["pipe", "pipe", "inherit"] });
  const waiting = [];
  createInterface({ input: child.stdout }).on("line", (line) => waiting.shift()?.resolve(Number(line)));
  // It ended (an X error, an unknown key): every press waiting fails instead of hanging.
  child.on("exit", (code) => {
    for (const press of waiting.splice(0)) press.reject(new Error(`bench/x11.py keys ended (${code})`));
  });
  return {
    press: (combination) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no XTEST press of ${combination} within 5 s`)), 5000);
        const done = (f) => (value) => {
          clearTimeout(timer);
          f(value);
        };
        waiting.push({ resolve: done(resolve), reject: done(reject) });
        child.stdin.write(`${combination}\n`);
      }),
    end: () => child.kill(),
  };
}

async function hotkeyLookups(browser, ids, home) {
  const keys = keyPresser();
  try {
    return await hotkeyPresses(browser, ids, home, keys);
  } finally {
    keys.end();
  }
}

/**
 * "Hotkey pressed → result painted": the window is hidden to the tray before each press,
 * the user ID is on the clipboard; the time runs from the XTEST press to the page's paint
 * of the result (both as wall-clock epoch milliseconds: the page's `timeOrigin` plus its
 * measure, Node's the same), with each step between from the console's log and the page.
 */
async function hotkeyPresses(browser, ids, home, keys) {
  await browser.execute(() =>
    window.__TAURI_INTERNALS__.invoke("save_desktop_settings", { settings: { hotkey: "Ctrl+Alt+U", closeToTray: true, startAtLogin: false } }),
  );
  const out = [];
  for (const id of ids) {
    await browser.execute(() => {
      window.__benchPaint = null;
      window.__benchVisible = null;
      // The page is told it is hidden first (the close below), then shown by the press.
      const shown = () => {
        if (document.visibilityState !== "visible") return;
        window.__benchVisible = performance.timeOrigin + performance.now();
        document.removeEventListener("visibilitychange", shown);
      };
      document.addEventListener("visibilitychange", shown);
      const observer = new PerformanceObserver((list) => {
        const entry = list.getEntriesByName("op-console:lookup-painted")[0];
        if (entry) {
          observer.disconnect();
          const received = performance.getEntriesByName("op-console:lookup-received")[0];
          window.__benchPaint = {
            painted: performance.timeOrigin + entry.startTime + entry.duration,
            called: performance.timeOrigin + entry.startTime,
            answered: received ? received.duration : NaN,
            visible: window.__benchVisible,
          };
        }
      });
      observer.observe({ type: "measure" });
      window.__TAURI_INTERNALS__.invoke("close_window");
    });
    await waitFor(() => !windowShown(), "the window hidden before the press", 10000);
    await setClipboard(`用户 ${id} 的问题`);
    const pressed = await keys.press("ctrl+alt+u");
    let page = null;
    await waitFor(async () => (page = await browser.execute(() => window.__benchPaint)) !== null, "the hotkey's result painted", 10000);
    const shown = await browser.execute(() => document.querySelector('[data-testid="user-id"]')?.textContent ?? "");
    if (!shown.includes(id)) throw new Error(`the hotkey showed ${shown}, not ${id}`);
    let step = null;
    // This press's line: the first asked at or after it (the console logs whole milliseconds;
    // the log file may have been started afresh meanwhile, so not by its position).
    const ofThisPress = () => askedLines(home).find((line) => line.at >= Math.floor(pressed) - 1) ?? null;
    await waitFor(() => (step = ofThisPress()) !== null, "the console's log line of the press", 10000);
    // Every time as epoch milliseconds: this process's, the console's and its page's clocks
    // are the same clock.
    out.push({
      total: page.painted - pressed,
      toConsole: step.at - pressed,
      windowShown: step.shown,
      pageVisible: page.visible === null ? NaN : page.visible - step.at,
      clipboardRead: step.read,
      sentToPage: step.sent,
      toLookupCall: page.called - (step.at + step.sent),
      answered: page.answered,
      paintedAfterAnswer: page.painted - page.called - page.answered,
    });
  }
  await browser.execute(() =>
    window.__TAURI_INTERNALS__.invoke("save_desktop_settings", { settings: { hotkey: "Ctrl+Alt+U", closeToTray: false, startAtLogin: false } }),
  );
  return out;
}

/**
 * An operator's console in `home`: the benchmark's profile on op-sim at `base` as the
 * operator saved it, a full recent list, and its credentials in the session's keyring.
 */
function operatorHome(home, base) {
  // The profile as the operator saved it (an import at start would wait for the operator's
  // approval in the trusted window: SECURITY.md).
  const configDir = join(xdgFolders(home).XDG_CONFIG_HOME, IDENTIFIER);
  mkdirSync(configDir, { recursive: true });
  writeFileSync(
    join(configDir, "profiles.json"),
    JSON.stringify({
      version: 1,
      selected: PROFILE_ID,
      profiles: [
        {
          id: PROFILE_ID,
          name: "Bench (op-sim)",
          baseUrl: base,
          clientId: CLIENT,
          coordSystem: "gcj02",
          tiles: { urlTemplate: `${base}/tiles/{z}/{x}/{y}.png`, attribution: "op-sim", coordSystem: "wgs84" },
          assetBaseUrl: `${base}/assets`,
        },
      ],
    }),
  );
  // An operator's day so far: a full recent list (RECENT_LIMIT, 50) of other users, which
  // each lookup reorders, as at a desk, rather than a list of the two users looked up here.
  // A few more than it keeps, so that the lookups' check sees its limit.
  const dataDir = join(xdgFolders(home).XDG_DATA_HOME, IDENTIFIER);
  mkdirSync(dataDir, { recursive: true });
  const earlier = Date.now() - 3600_000;
  const earlierLookups = Array.from({ length: RECENT_LIMIT + 8 }, (_, i) => ({
    userId: `u0001-earlier-${String(i + 1).padStart(2, "0")}`,
    profileId: PROFILE_ID,
    at: earlier - i * 60_000,
    outcome: i % 7 === 3 ? "api" : "ok",
  }));
  writeFileSync(join(dataDir, "recent.json"), JSON.stringify(earlierLookups));
  // The operator's credentials in the session's keyring, where the console reads them: one
  // entry, bound to the profile's server and client ID.
  execFileSync(join(RELEASE, "op-console-keyring"), ["set", PROFILE_ID, base, CLIENT], { input: `${TOKEN}\n${SECRET}\n` });
}

async function lookups() {
  const home = mkdtempSync(join(tmpdir(), "bench-lookups-"));
  const { base, serverUs } = await startSim();
  operatorHome(home, base);
  const driver = start("tauri-driver", ["--port", "4444", "--native-port", "4445"], xdgFolders(home));
  await waitFor(() => canConnect(4444), "tauri-driver on 4444");
  const browser = await remote({
    hostname: "127.0.0.1",
    port: 4444,
    logLevel: "warn",
    connectionRetryTimeout: 60000,
    connectionRetryCount: 1,
    capabilities: { "tauri:options": { application: apps.op.binary } },
  });
  try {
    await browser.$('[data-testid="search-input"]').waitForExist({ timeout: 30000 });
    await browser.waitUntil(async () => (await browser.$('[data-testid="profile-select"]').getValue()) === PROFILE_ID, {
      timeout: 15000,
      timeoutMsg: "the bench profile was not selected",
    });
    await browser.setTimeout({ script: 30 * 60 * 1000 });
    const [app] = consolesBelow(driver.pid, apps.op.binary);
    if (!app) throw new Error("the console's process was not found under tauri-driver");

    // Two users in turn, so that every lookup changes what is on screen (and the map moves).
    const ids = (n) => Array.from({ length: n }, (_, i) => (i % 2 ? "u0001-rich" : EXAMPLE));
    const run = async (n) => {
      const before = serverUs.length;
      const rows = await browser.executeAsync(operatorLookups, ids(n));
      await waitFor(() => serverUs.length >= before + n, "op-sim's log of every lookup", 10000);
      if (serverUs.length !== before + n) throw new Error(`op-sim logged ${serverUs.length - before} lookups for ${n}`);
      // Each answer on screen is the user asked for, not the one before.
      const failed = rows.filter((r) => r.error || !r.shownUser?.includes(r.id) || r.painted === null);
      if (failed.length) throw new Error(`${failed.length} lookups failed, e.g. ${JSON.stringify(failed[0])}`);
      return rows.map((row, i) => ({ ...row, serverMs: serverUs[before + i] / 1000 }));
    };

    await run(FIRST_LOOKUPS);
    // The list the console read back, full: its file and its limit are still the ones above.
    const listed = (await browser.$$('[data-testid="recent-item"]')).length;
    if (listed !== RECENT_LIMIT) throw new Error(`the recent list shows ${listed} lookups, not ${RECENT_LIMIT}: has its file or limit changed?`);
    const afterFirst = await settledMemory(app);
    log(`after ${FIRST_LOOKUPS} lookups: PSS ${mib(afterFirst.pss)}, RSS ${mib(afterFirst.rss)} ${perProcess(afterFirst)}`);
    // The floor under every lookup: a command that only reads memory.
    const ipc = await invokes(browser, 200, "recent_lookups", [{}]);
    const measured = await run(LOOKUPS);
    log(`${LOOKUPS} measured lookups done`);
    // None when BENCH_HOTKEY_PRESSES=0 (a build from before the press's log lines, say).
    const hotkey = HOTKEY_PRESSES > 0 ? await hotkeyLookups(browser, ids(HOTKEY_PRESSES), home) : [];
    log(`${HOTKEY_PRESSES} hotkey presses done`);
    // The way there, to tell a leak (growing all along) from caches filling (levelling off).
    const curve = [[FIRST_LOOKUPS, afterFirst.pss]];
    let done = FIRST_LOOKUPS + LOOKUPS;
    // Their latencies too: a p99 of 200 lookups is their second slowest, which moves from
    // run to run; over thousands it tells a steady tail from two unlucky lookups.
    const day = [...measured];
    while (done < LEAK_LOOKUPS) {
      const n = Math.min(250 - (done % 250), LEAK_LOOKUPS - done);
      day.push(...(await run(n)));
      done += n;
      const settled = await settledMemory(app);
      curve.push([done, settled.pss]);
      log(`after ${done} lookups: PSS ${mib(settled.pss)} ${perProcess(settled)}`);
    }
    const afterAll = await settledMemory(app);
    log(`after ${LEAK_LOOKUPS} lookups: PSS ${mib(afterAll.pss)}, RSS ${mib(afterAll.rss)} ${perProcess(afterAll)}`);
    // The same number of lookups invoked without the UI: what the IPC and the backend keep.
    const direct = await invokes(browser, LEAK_LOOKUPS, "lookup_chat", ids(2).map((userId) => ({ userId, profileId: null })));
    const afterInvokes = await settledMemory(app);
    log(`after ${LEAK_LOOKUPS} more lookups without the UI: PSS ${mib(afterInvokes.pss)} ${perProcess(afterInvokes)}`);
    return { measured, day, hotkey, ipc, direct, curve, afterFirst, afterAll, afterInvokes };
  } finally {
    await browser.deleteSession().catch(() => {});
  }
}

// ---------- the table ----------

const median = (xs) => percentile(xs, 50);
function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (x) => `${x.toFixed(1)} ms`;
const pct = (x) => `${(x * 100).toFixed(1)} %`;

/** Every figure the table judged against its budget (at most), for the chart: [name, figure ÷ budget]. */
const judged = [];
/** The table's verdict on `value` against `budget`, noted for the chart as `name`. */
function judge(name, value, budget, limit) {
  judged.push([name, value / budget]);
  return value <= budget ? `${limit} met` : `${limit} **missed**`;
}

function table(size, starts, look, idle, links) {
  const head = ["", apps.bare.title, apps.op.title, "ratio", "budget"];
  const rows = [];
  judged.length = 0;
  const pair = (what, bare, op, format, budget, name = what) => {
    const ratio = op / bare;
    const verdict = budget === undefined ? "" : judge(name, ratio, budget, `≤ ${budget}×`);
    rows.push([what, format(bare), format(op), `${ratio.toFixed(2)}×`, verdict]);
  };
  // Issue 27: 3.0× with the OS certificate store, the OS keyring, the updater and the policy.
  pair(".deb installer", size.bare.deb, size.op.deb, mib, 3.0);
  pair(".rpm installer", size.bare.rpm, size.op.rpm, mib, 3.0);
  pair("binary (stripped)", size.bare.binary, size.op.binary, mib);
  pair("UI bundle (gzip)", size.bare.page, size.op.page, kib);
  if (starts) {
    // Each figure: the median over the runs of each run's median; then every run's ratio.
    const perRun = (key, pick) => starts.map((run) => median(pick(run[key])));
    const spread = (what, pick, format, budget) => {
      const bare = perRun("bare", pick);
      const op = perRun("op", pick);
      pair(`${what}, median of ${starts.length} runs × ${STARTS}`, median(bare), median(op), format, budget, what);
      const ratios = op.map((v, i) => v / bare[i]);
      rows.push([`  each run's ratio`, "", "", ratios.map((r) => r.toFixed(2)).join(", "), `spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`]);
    };
    spread("cold start to ui-ready", (r) => r.startMs, ms, 1.1);
    const part = (what, field) => pair(what, median(perRun("bare", (r) => r[field])), median(perRun("op", (r) => r[field])), ms);
    part("  process start → main() (exec, libraries)", "toMain");
    part("  main() → page loaded (Tauri, plugins, WebKit, page)", "toPage");
    part("  page loaded → ui-ready (the page's start-up)", "pageToReady");
    spread("idle memory, PSS", (r) => r.idle.map((m) => m.pss), mib, 1.2);
    spread("idle memory, RSS", (r) => r.idle.map((m) => m.rss), mib, 1.2);
  }

  if (idle) {
    const per10 = (r) => (r.cpuMs * 600) / r.seconds;
    const perSecond = (x) => `${x.toFixed(1)}/s`;
    const woke = (r) => r.woke.map((w) => `${w.name} ${w.perSecond.toFixed(1)}/s (${w.cpuMs.toFixed(1)} ms)`).join(", ") || "nothing";
    for (const [state, what] of [["shown", "window shown after a lookup"], ["hidden", "hidden to the tray"]]) {
      const bare = idle.map((run) => per10(run.bare[state]));
      const op = idle.map((run) => per10(run.op[state]));
      const seconds = state === "shown" ? SHOWN_SECONDS : IDLE_SECONDS;
      pair(`CPU at rest, ${what}, per 10 min, median of ${idle.length} runs × ${seconds} s`, median(bare), median(op), ms, 1.1, `CPU at rest, ${state}`);
      const ratios = op.map((v, i) => v / bare[i]);
      rows.push([`  each run's ratio`, "", "", ratios.map((r) => r.toFixed(2)).join(", "), `spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`]);
      const wakeups = (key) => median(idle.map((run) => run[key][state].wakeupsPerSecond));
      pair("  wakeups (voluntary context switches) a second, whole tree", wakeups("bare"), wakeups("op"), perSecond);
      rows.push(["  the threads that woke most (last run; their CPU in the run)", woke(idle.at(-1).bare[state]), woke(idle.at(-1).op[state]), "", ""]);
      const costliest = (r) => r.costliest.map((w) => `${w.name} ${w.cpuMs.toFixed(1)} ms`).join(", ") || "nothing";
      rows.push(["  the threads that took most CPU (last run)", costliest(idle.at(-1).bare[state]), costliest(idle.at(-1).op[state]), "", ""]);
      // The check beside it: whole ticks, exited threads included (bench/idle.mjs).
      const ticks = (key) => median(idle.map((run) => per10({ ...run[key][state], cpuMs: run[key][state].ticksMs })));
      pair("  the same in /proc/…/stat's whole 10 ms ticks (exited threads included)", ticks("bare"), ticks("op"), ms);
      // Counted up to their last reading (bench/idle.mjs); left out, if any, when unread at first.
      const sum = (key, field) => idle.reduce((n, run) => n + run[key][state][field], 0);
      for (const [field, what] of [["ended", "ended while at rest"], ["unseen", "left out (unread at the first reading)"]]) {
        if (sum("bare", field) || sum("op", field)) rows.push([`  threads that ${what}, all runs`, String(sum("bare", field)), String(sum("op", field)), "", ""]);
      }
    }
    const perMinute = (key) => median(idle.map((run) => (run[key].shown.frames * 60) / IDLE_SECONDS));
    rows.push([`frames presented at rest, window shown, per minute (X DAMAGE), median of ${idle.length} runs × ${IDLE_SECONDS} s`, perMinute("bare").toFixed(1), perMinute("op").toFixed(1), "", ""]);
    const afterCaret = (key) =>
      median(idle.map((run) => (run[key].shown.framesAfterCaret * 60) / IDLE_SECONDS));
    const opFrames = afterCaret("op");
    rows.push([
      `  the ${IDLE_SECONDS} s from the window's ${CARET_BLINK_TIMEOUT_S}th second (GTK's caret blink timeout past)`,
      afterCaret("bare").toFixed(1),
      opFrames.toFixed(1),
      "",
      judge("frames at rest a minute", opFrames, 1, "≤ 1 a minute"),
    ]);
  }

  if (links) {
    const bare = median(links.bare);
    const op = median(links.op);
    rows.push([
      `cold link: xdg-open opconsole://lookup/… → answer painted, median of ${links.op.length} (bare: cold start to ui-ready, same run)`,
      ms(bare),
      ms(op),
      `+${(op - bare).toFixed(1)} ms`,
      judge("cold link, ms over the bare start", op - bare, LINK_BUDGET_MS, `≤ bare + ${LINK_BUDGET_MS} ms`),
    ]);
    rows.push(["  each run", links.bare.map((x) => x.toFixed(0)).join(", "), links.op.map((x) => x.toFixed(0)).join(", "), "", ""]);
    const before = links.op.map((x, i) => x - links.consoleMs[i]);
    rows.push(["  xdg-open → the console's main() (xdg-open, xdg-mime, exec, libraries)", "", ms(median(before)), "", ""]);
    rows.push(["    of which xdg-open alone (to a handler script that prints the time)", "", ms(median(links.xdgOpen)), "", ""]);
    rows.push(["  the console's main() → answer painted", "", ms(median(links.consoleMs)), "", ""]);
  }

  if (!look) return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
  const m = look.measured;
  const dist = (xs) => [50, 95, 99].map((p) => ms(percentile(xs, p))).join(" / ");
  const outside = m.map((r) => r.painted - r.serverMs);
  const single = (what, value, verdict = "") => rows.push([what, "—", value, "", verdict]);
  single(`lookup, call → painted, p50 / p95 / p99 (${m.length})`, dist(m.map((r) => r.painted)));
  single("  of which in op-sim", dist(m.map((r) => r.serverMs)));
  single("  outside the server", dist(outside));
  single("  call → answer in the page (IPC, command, HTTP)", dist(m.map((r) => r.received)));
  single("  of that, an IPC round trip (recent_lookups)", dist(look.ipc));
  single(`  the same, invoked without the UI (${look.direct.length})`, dist(look.direct));
  single("  call → components updated (before style and layout)", dist(m.map((r) => r.updated)));
  const inDom = m.map((r) => r.rendered);
  single("  call → in the DOM (style and layout done, before paint)", dist(inDom), judge("lookup in the DOM, p99", percentile(inDom, 99), 10, "p99 ≤ 10 ms"));
  if (look.day.length > m.length) {
    single(`  the same over these and the memory run's lookups (${look.day.length})`, dist(look.day.map((r) => r.rendered)));
  }
  if (look.hotkey.length) {
    const hotkeyTotal = look.hotkey.map((h) => h.total);
    const hotkeyP95 = percentile(hotkeyTotal, 95);
    single(`hotkey pressed → result painted, window hidden before each, p50 / p95 / p99 (${look.hotkey.length})`, dist(hotkeyTotal), judge("hotkey → painted, p95", hotkeyP95, 50, "p95 ≤ 50 ms"));
    // Where a press's time goes: each step from the one before (the window's showing and the
    // clipboard's reading overlap: both from the press reaching the console).
    const steps = [
      ["the press (XTEST) → the console has it (the X server, the grab's thread; its log has whole ms)", "toConsole"],
      ["  the console has it → the window asked to show (map requested)", "windowShown"],
      ["  the console has it → the page told it is visible (map, first present)", "pageVisible"],
      ["  the console has it → the clipboard read (the selection owner's answer)", "clipboardRead"],
      ["  the console has it → the request sent to the page", "sentToPage"],
      ["  sent → the page's lookup call (the event, the page's handler)", "toLookupCall"],
      ["  the lookup call → its answer in the page (IPC, command, HTTP)", "answered"],
      ["  the answer → painted (components, style, layout, paint)", "paintedAfterAnswer"],
    ];
    for (const [what, key] of steps) {
      const values = look.hotkey.map((h) => h[key]).filter((v) => Number.isFinite(v));
      if (values.length) single(what, dist(values));
    }
  }
  if (starts) {
    const idle = idlePss(starts, "op");
    const highest = Math.max(...look.curve.map(([, bytes]) => bytes));
    single(
      `highest PSS over ${LEAK_LOOKUPS} lookups, above idle (${mib(idle)})`,
      `${mib(highest)} (+${mib(highest - idle)})`,
      judge("highest PSS over lookups, above idle", highest - idle, PLATEAU_BUDGET_BYTES, "≤ idle + 50 MiB"),
    );
  }
  const growth = look.afterAll.pss / look.afterFirst.pss - 1;
  single(`memory (PSS) after ${FIRST_LOOKUPS} → ${LEAK_LOOKUPS} lookups`, `${mib(look.afterFirst.pss)} → ${mib(look.afterAll.pss)} (${pct(growth)})`, judge("PSS growth over lookups", growth, 0.05, "≤ 5 %"));
  single("  PSS along the way", look.curve.map(([n, bytes]) => `${n}: ${mib(bytes)}`).join(", "));
  const ipcGrowth = look.afterInvokes.pss / look.afterAll.pss - 1;
  single(`  then ${LEAK_LOOKUPS} lookups invoked without the UI`, `→ ${mib(look.afterInvokes.pss)} (${pct(ipcGrowth)})`);
  const rssGrowth = look.afterAll.rss / look.afterFirst.rss - 1;
  single(`memory (RSS) after ${FIRST_LOOKUPS} → ${LEAK_LOOKUPS} lookups`, `${mib(look.afterFirst.rss)} → ${mib(look.afterAll.rss)} (${pct(rssGrowth)})`);

  return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** The app's idle PSS: the median over every start of every run. */
const idlePss = (starts, key) => median(starts.flatMap((run) => run[key].idle.map((m) => m.pss)));

function chart(starts, look) {
  const dist = (xs) => [50, 95, 99].map((p) => percentile(xs, p));
  const m = look.measured;
  const idle = starts ? { op: idlePss(starts, "op"), bare: idlePss(starts, "bare") } : { op: look.afterFirst.pss, bare: 0 };
  return chartSvg({
    title: `Op Console: memory over ${LEAK_LOOKUPS} lookups, and lookup latency`,
    curve: look.curve,
    idle,
    budgetBytes: idle.op + PLATEAU_BUDGET_BYTES,
    latency: [
      ["call → painted", dist(m.map((r) => r.painted))],
      ["call → in the DOM", dist(m.map((r) => r.rendered))],
      ["call → answer in the page", dist(m.map((r) => r.received))],
      ...(look.hotkey.length ? [["hotkey → painted", dist(look.hotkey.map((h) => h.total))]] : []),
    ],
    budgets: judged,
  });
}

function machine() {
  const os = readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]+)/m)?.[1] ?? "?";
  const webkit = execFileSync("pkg-config", ["--modversion", "webkit2gtk-4.1"], { encoding: "utf8" }).trim();
  const lock = readFileSync(join(ROOT, "Cargo.lock"), "utf8");
  const tauri = lock.match(/name = "tauri"\nversion = "([^"]+)"/)?.[1];
  return [
    `- date: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `- machine: ${cpus()[0].model}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${os}, Linux ${execFileSync("uname", ["-r"], { encoding: "utf8" }).trim()}`,
    `- tauri ${tauri}, WebKitGTK ${webkit}, under Xvfb 1280×800 (WEBKIT_DISABLE_DMABUF_RENDERER=1), loopback-only network`,
    `- command: \`bench/run.sh\` (RUNS=${RUNS}, STARTS=${STARTS}, IDLE_SECONDS=${IDLE_SECONDS}, LINKS=${LINKS}, LOOKUPS=${LOOKUPS}, LEAK_LOOKUPS=${LEAK_LOOKUPS}, HOTKEY_PRESSES=${HOTKEY_PRESSES})`,
  ].join("\n");
}

async function main() {
  for (const app of Object.values(apps)) if (!existsSync(app.binary)) throw new Error(`${app.binary} is missing: run bench/run.sh`);
  const size = { bare: sizes(apps.bare), op: sizes(apps.op) };
  // `starts`, `idle`, `links` or `lookups`: only that part, for working on it.
  const only = process.argv[2];
  const part = (name) => only === undefined || only === name;
  const starts = part("starts") ? await startRuns() : null;
  const idle = part("idle") ? await idleRuns() : null;
  const links = part("links") ? await linkRuns() : null;
  const look = part("lookups") ? await lookups() : null;
  const report = `${machine()}\n\n${table(size, starts, look, idle, links)}\n`;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "results.md"), report);
  writeFileSync(join(OUT, "raw.json"), JSON.stringify({ size, starts, idle, links, lookups: look }, null, 1));
  if (look) writeFileSync(join(OUT, "chart.svg"), chart(starts, look));
  process.stdout.write(`\n${report}`);
}

main()
  .catch((error) => {
    console.error(`bench: ${error.stack ?? error}`);
    process.exitCode = 1;
  })
  .finally(stopAll);
