// What every end-to-end test needs: processes that are ended on exit, tauri-driver, the
// app's own XDG folders, a WebDriver session, selectors by data-testid, screenshots.
import { after, before, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";
import { alive, descendants, stat } from "./proc.mjs";

export { remote };

export const ROOT = resolve(import.meta.dirname, "../..");
export const TARGET = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(ROOT, "target");
export const APP = process.env.OP_CONSOLE_APP ?? join(TARGET, "debug/op-console");
export const OP_SIM = join(TARGET, "debug/op-sim");
export const SHOTS = join(ROOT, "target/e2e");
export const EXAMPLE = "u00012b2e588bd93843168dfb67ae12cc2ee9";
export const CLIENT = "c0ffee00c0ffee00c0ffee00c0ffee00";
export const TOKEN = "o0001-e2e-token-5b8d1f";
export const SECRET = "e2e-signing-secret-91ac47";

const children = [];
export function start(command, args, env = {}) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return child;
}

/** The console's identifier: its folders under each XDG folder are named after it. */
export const IDENTIFIER = JSON.parse(readFileSync(join(ROOT, "src-tauri/tauri.conf.json"), "utf8")).identifier;

/** The text of the console's log files under the XDG folders `xdg` ("" before the first line). */
export function consoleLog(xdg) {
  const dir = join(xdg.XDG_DATA_HOME, IDENTIFIER, "logs");
  if (!existsSync(dir)) return "";
  return readdirSync(dir)
    .filter((name) => name.endsWith(".log"))
    .map((name) => readFileSync(join(dir, name), "utf8"))
    .join("\n");
}

/** The processes below `pid` (a driver) running `binary`: the consoles it started. */
export function consolesBelow(pid, binary) {
  const app = realpathSync(binary);
  return descendants(pid).filter((child) => {
    try {
      return readlinkSync(`/proc/${child}/exe`) === app;
    } catch {
      return false;
    }
  });
}

/** A process as found, with its start time: a pid the system gives out again later is not it. */
export const found = (pid) => ({ pid, start: stat(pid)?.start });
const running = (earlier) => alive(earlier.pid) && stat(earlier.pid)?.start === earlier.start;

/** Sends `signal` to a process found earlier, unless it has ended meanwhile. */
export function stop(target, signal) {
  if (!running(target)) return;
  try {
    process.kill(target.pid, signal);
  } catch {
    // Ended between the look and the signal.
  }
}

/**
 * Waits for `processes` (found earlier) to end, and ends them after `graceMs`, saying so. A
 * console left running after its session (hidden to the tray, say) holds the single-instance
 * lock: the next console would hand its arguments over to it and exit, and that session
 * would never start.
 */
export async function ended(processes, what, graceMs = 10000) {
  const left = () => processes.filter(running);
  try {
    await waitFor(() => left().length === 0, what, graceMs);
  } catch {
    console.warn(`${what}: still running after ${graceMs / 1000} s, ended (${left().map((p) => p.pid).join(", ")})`);
    for (const target of left()) stop(target, "SIGKILL");
    await waitFor(() => left().length === 0, what, 10000);
  }
}
export function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}
process.on("exit", stopAll);

export async function waitFor(check, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const canConnect = (port) =>
  new Promise((resolvePort) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolvePort(true);
    });
    socket.on("error", () => resolvePort(false));
  });

/** A loopback port nothing listens on: for the "no tile server" case. */
export const closedPort = () =>
  new Promise((resolvePort) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });

/** op-sim on a free loopback port, with the tests' client, token and secret; resolves to its base URL. */
export async function startOpSim(binary = OP_SIM, args = ["--sign-rule", "alipay"], env = {}) {
  const sim = start(binary, ["--port", "0", "--client", CLIENT, ...args], {
    OP_SIM_TOKEN: TOKEN,
    OP_SIM_SECRET: SECRET,
    ...env,
  });
  const base = await new Promise((resolveLine, reject) => {
    let out = "";
    sim.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (match) resolveLine(match[0]);
    });
    sim.on("exit", () => reject(new Error("op-sim exited")));
    // Not started at all (not built, or CARGO_TARGET_DIR not the build's): said, not waited on.
    sim.on("error", (e) => reject(new Error(`op-sim could not start (${binary}): ${e.message}`)));
  });
  return { base, sim };
}

export const home = mkdtempSync(join(tmpdir(), "op-console-e2e-"));
/** The XDG folders of an app that keeps its files under `root`. */
export const xdgFolders = (root) => ({
  XDG_CONFIG_HOME: join(root, "config"),
  XDG_DATA_HOME: join(root, "data"),
  XDG_CACHE_HOME: join(root, "cache"),
});
export const XDG = {
  ...xdgFolders(home),
  // The app's home too: start at login writes ~/.config/autostart whatever XDG_CONFIG_HOME says.
  HOME: home,
};
for (const dir of Object.values(XDG)) mkdirSync(dir, { recursive: true });
/** The console's own folders: its profiles and settings, its recent list and logs. */
export const CONFIG_DIR = join(XDG.XDG_CONFIG_HOME, IDENTIFIER);
export const DATA_DIR = join(XDG.XDG_DATA_HOME, IDENTIFIER);

/** The operator's profiles as saved before the console starts. */
export function saveProfiles(selected, profiles) {
  mkdirSync(CONFIG_DIR, { recursive: true });
  writeFileSync(join(CONFIG_DIR, "profiles.json"), JSON.stringify({ version: 1, selected, profiles }));
}

/** `content` as JSON in a file of its own folder (a profiles file to import, a policy). */
export function jsonFile(name, content) {
  const path = join(mkdtempSync(join(tmpdir(), "op-e2e-")), name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

export let browser;
/** The console's main window (its WebDriver handle): the page the tests drive. */
let mainWindow;
/** The driver (tauri-driver) of this file, and the console processes it started. */
let driver;
let consoles = [];
/** Starts the console under WebDriver; `args` are its command line (a link, say), `env` what it
    gets besides the session's (through a wrapper: tauri-driver itself must not see it). */
export async function openApp(args = [], env = null) {
  browser = await remote({
    hostname: "127.0.0.1",
    port: 4444,
    logLevel: "warn",
    connectionRetryTimeout: 30000,
    connectionRetryCount: 1,
    capabilities: { "tauri:options": { application: env ? withEnvironment(env) : APP, args } },
  });
  await $("search-input").waitForExist({ timeout: 20000 });
  mainWindow = await browser.getWindowHandle();
  consoles = consolesBelow(driver.pid, APP).map(found);
  if (consoles.length === 0) console.warn("e2e harness: the console's process was not found below the driver");
}
/** A script that starts the console with `env` added: the app's environment, not the driver's. */
function withEnvironment(env) {
  const script = join(mkdtempSync(join(tmpdir(), "op-e2e-app-")), "op-console");
  const exports = Object.entries(env).map(([name, value]) => `export ${name}='${value}'`).join("\n");
  writeFileSync(script, `#!/bin/sh\n${exports}\nexec '${APP}' "$@"\n`, { mode: 0o755 });
  return script;
}

/** The pid of the console this file's session started (its first, if it started more). */
export const consolePid = () => consoles[0]?.pid;

export async function closeApp() {
  // A session whose console has gone (restarted by an update, say) may never answer.
  if (browser) await Promise.race([browser.deleteSession().catch(() => {}), new Promise((r) => setTimeout(r, 10000).unref())]);
  browser = undefined;
  await ended(consoles, "e2e harness: the console after its session");
  consoles = [];
}
export const $ = (testid) => browser.$(`[data-testid="${testid}"]`);
/** Scrolls the element into view first: the settings dialog scrolls inside itself. */
export async function fill(testid, value) {
  const element = await $(testid);
  await element.scrollIntoView({ block: "center" });
  await element.setValue(value);
}
export async function press(testid) {
  const element = await $(testid);
  // A button the page disables while it loads (Settings reading the keyring) ignores a
  // click: wait for it to be usable, as a person would (a few seconds at most); then for
  // the layout to settle, and click at once.
  await element.waitForEnabled({ timeout: 5000 }).catch(() => {});
  // Where the click lands is checked in the main window: the trusted window's buttons
  // close it, and nothing is left to ask there.
  const checked = (await browser.getWindowHandle()) === mainWindow;
  if (checked) await watchClick(element);
  let landed = null;
  try {
    await element.scrollIntoView({ block: "center" });
    await stopsMoving(element);
    await element.click();
  } finally {
    if (checked) landed = await browser.execute(landedClick);
  }
  if (landed != null && landed !== "here") {
    throw new Error(`the click meant for "${testid}" landed on ${landed}: the page moved under the pointer`);
  }
}
/**
 * Notes where the next click lands: WebDriver clicks at coordinates, so a page that moves
 * after they are taken gets the click somewhere else, and the test would only see, much
 * later, that nothing happened.
 */
function watchClick(element) {
  return browser.execute((target) => {
    const watch = (event) => {
      const other = event.target instanceof Element ? event.target.closest("[data-testid]") : null;
      window.__e2eClick = target.contains(event.target) ? "here" : `"${other?.dataset.testid ?? event.target?.nodeName}"`;
    };
    window.__e2eClick = null;
    window.__e2eWatch = watch;
    document.addEventListener("click", watch, { capture: true, once: true });
  }, element);
}
function landedClick() {
  document.removeEventListener("click", window.__e2eWatch, { capture: true });
  return window.__e2eClick;
}
/**
 * Waits until the element is in the same place for two frames in a row: a click lands on
 * coordinates, and a layout still settling (an answer arriving above it) would move the
 * element from under them.
 */
function stopsMoving(element) {
  return browser.executeAsync((target, done) => {
    let last = "";
    const check = () => {
      const box = target.getBoundingClientRect();
      const now = `${box.x},${box.y},${box.width},${box.height}`;
      if (now === last) done();
      else {
        last = now;
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  }, element);
}
export const $$ = (testid) => browser.$$(`[data-testid="${testid}"]`);
// The text, not WebDriver's "visible text": WebKitWebDriver reads a two-line clamp
// (overflow hidden) as empty, and long server texts are clamped (#12).
export const text = async (testid) => String(await $(testid).getProperty("textContent")).trim();
/** A screenshot of the X display (the whole window as the operator sees it). */
export async function shot(name) {
  mkdirSync(SHOTS, { recursive: true });
  execFileSync("import", ["-window", "root", join(SHOTS, `${name}.png`)], { timeout: 20000 });
}
/** A screenshot of the display with the trusted window on top (a display without a window
    manager leaves it under the main window when that was shown later). */
export async function pageShot(name) {
  execFileSync("xdotool", ["search", "--name", "凭据与确认", "windowraise"]);
  await shot(name);
}
export async function lookUp(id) {
  const input = await $("search-input");
  await input.setValue(id);
  await press("search-button");
}
export async function waitText(testid, pattern) {
  await browser.waitUntil(async () => (await $(testid).isExisting()) && pattern.test(await text(testid)), {
    timeout: 15000,
    timeoutMsg: `${testid} never matched ${pattern}`,
  });
}

/** The `username` attributes of the keyring's op-console entries, as secret-tool lists them. */
export function keyringEntries() {
  const out = execFileSync("sh", ["-c", "secret-tool search --all service op-console 2>&1 || true"], { encoding: "utf8" });
  return out.match(/attribute\.username = \S+/g) ?? [];
}

export function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Is the console's window mapped on the display (not hidden to the tray)? */
export function windowShown() {
  try {
    return execFileSync("xdotool", ["search", "--onlyvisible", "--name", "^Op Console$"], { encoding: "utf8" }).trim() !== "";
  } catch {
    return false; // xdotool exits 1 when nothing matches
  }
}

/** Puts text on the CLIPBOARD selection, as copying it in another app would. */
export async function setClipboard(value) {
  const xclip = spawn("xclip", ["-selection", "clipboard", "-i"], { stdio: ["pipe", "ignore", "ignore"] });
  xclip.stdin.end(value);
  // xclip's parent exits once its child owns the selection.
  await new Promise((resolve) => xclip.on("exit", resolve));
}

/** A test body that leaves a screenshot behind when it fails. */
export const scenario = (name, body) =>
  it(name, async () => {
    try {
      await body();
    } catch (error) {
      if (browser) await shot(`failed-${name.slice(0, 2).replace(/\W/g, "")}`).catch(() => {});
      throw error;
    }
  });


/**
 * Runs `body` in the trusted window (credentials typed, changes approved: a window of its
 * own that the main page cannot script), then comes back to the main window.
 */
export async function inTrustedWindow(body) {
  const main = await browser.getWindowHandle();
  await browser.waitUntil(async () => (await browser.getWindowHandles()).length > 1, {
    timeout: 15000,
    timeoutMsg: "the trusted window never opened",
  });
  const trusted = (await browser.getWindowHandles()).find((handle) => handle !== main);
  await browser.switchToWindow(trusted);
  try {
    await $("trusted-window").waitForExist({ timeout: 15000 });
    await body();
  } finally {
    await browser.switchToWindow(main);
  }
}

/** The trusted window has closed (it closes with the operator's answer). */
export async function trustedWindowClosed() {
  await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 1, {
    timeout: 15000,
    timeoutMsg: "the trusted window stayed open",
  });
}

/** Settings → "Enter token and secret…": typed in the trusted window, as the operator does
    (a screenshot of it first, when named). */
export async function enterCredentials(token, secret, shotName = null) {
  await press("settings-enter-credentials");
  await inTrustedWindow(async () => {
    if (token != null) await fill("trusted-token", token);
    if (secret != null) await fill("trusted-secret", secret);
    if (shotName) await pageShot(shotName);
    await press("trusted-save");
  });
  await trustedWindowClosed();
}

/** A listener on loopback that only counts who connects: a place nothing may reach. */
export async function countingListener() {
  const counter = { connections: 0 };
  const server = createServer((socket) => {
    counter.connections += 1;
    socket.destroy();
  });
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  server.unref();
  counter.url = `http://127.0.0.1:${server.address().port}`;
  counter.close = () => server.close();
  return counter;
}

/** Starts tauri-driver before the file's tests (the app inherits `env`) and ends everything after them. */
export function withDriver(env = {}) {
  before(async () => {
    driver = start("tauri-driver", ["--port", "4444", "--native-port", "4445"], { ...XDG, ...env });
    // Read, though no test looks: a pipe nobody reads fills, and the next write to it (the
    // driver's, or the console's own stderr, which it inherits) would block that process.
    driver.stdout.resume();
    driver.stderr.resume();
    await waitFor(() => canConnect(4444), "tauri-driver on 4444");
  });
  after(async () => {
    // A driver left stuck by a failed test may never answer: the processes end regardless,
    // everything the driver started with them.
    const stuck = new Promise((resolve) => setTimeout(resolve, 20000).unref());
    await Promise.race([closeApp().catch(() => {}), stuck]);
    const driving = driver.exitCode === null && driver.signalCode === null;
    const started = driving ? descendants(driver.pid).slice(1).map(found) : [];
    stopAll();
    for (const target of started) stop(target, "SIGTERM");
    await ended(started, "e2e harness: what the driver started");
  });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** axe-core's violations of any impact on the page as it is now, WCAG 2.2's target size included. */
export async function axeViolations() {
  await browser.execute(AXE);
  return browser.executeAsync((done) => {
    window.axe
      .run(document, { resultTypes: ["violations"], rules: { "target-size": { enabled: true } } })
      .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }))));
  });
}

/** A second `op-console` with these arguments: it hands them to the running one and ends. */
export async function secondLaunch(...args) {
  const second = start(APP, args, XDG);
  const code = await new Promise((resolve) => second.on("exit", resolve));
  assert.equal(code, 0, "the second launch ends at once");
}

/** A policy folder as a test may name one (OP_CONSOLE_POLICY_DIR): root's, writable by root
    alone (tests run as root: scripts/headless-session.sh), holding `policy`. */
export function policyFolder(policy) {
  const dir = mkdtempSync(join(tmpdir(), "op-e2e-policy-"));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, "policy.json"), JSON.stringify(policy, null, 2), { mode: 0o644 });
  return dir;
}
