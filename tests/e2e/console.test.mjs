// The real Op Console (target/debug/op-console) in a real window, driven through
// tauri-driver and WebKitWebDriver, with the real keyring. run.sh provides the network
// namespace, Xvfb and the D-Bus session; this file starts and ends everything else.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";

const ROOT = resolve(import.meta.dirname, "../..");
const TARGET = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(ROOT, "target");
const APP = process.env.OP_CONSOLE_APP ?? join(TARGET, "debug/op-console");
const OP_SIM = join(TARGET, "debug/op-sim");
const SHOTS = join(ROOT, "target/e2e");
const EXAMPLE = "u00012b2e588bd93843168dfb67ae12cc2ee9";
const CLIENT = "c0ffee00c0ffee00c0ffee00c0ffee00";
const TOKEN = "o0001-e2e-token-5b8d1f";
const SECRET = "e2e-signing-secret-91ac47";

const children = [];
function start(command, args, env = {}) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return child;
}
function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}
process.on("exit", stopAll);

async function waitFor(check, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const canConnect = (port) =>
  new Promise((resolvePort) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolvePort(true);
    });
    socket.on("error", () => resolvePort(false));
  });

/** A loopback port nothing listens on: for the "no tile server" case. */
const closedPort = () =>
  new Promise((resolvePort) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });

async function startOpSim() {
  const sim = start(OP_SIM, ["--port", "0", "--client", CLIENT, "--sign-rule", "alipay"], {
    OP_SIM_TOKEN: TOKEN,
    OP_SIM_SECRET: SECRET,
  });
  const line = await new Promise((resolveLine, reject) => {
    let out = "";
    sim.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (match) resolveLine(match[0]);
    });
    sim.on("exit", () => reject(new Error("op-sim exited")));
  });
  return line;
}

const home = mkdtempSync(join(tmpdir(), "op-console-e2e-"));
const XDG = {
  XDG_CONFIG_HOME: join(home, "config"),
  XDG_DATA_HOME: join(home, "data"),
  XDG_CACHE_HOME: join(home, "cache"),
};
for (const dir of Object.values(XDG)) mkdirSync(dir, { recursive: true });

let browser;
async function openApp() {
  browser = await remote({
    hostname: "127.0.0.1",
    port: 4444,
    logLevel: "warn",
    connectionRetryTimeout: 30000,
    connectionRetryCount: 1,
    capabilities: { "tauri:options": { application: APP } },
  });
  await $("search-input").waitForExist({ timeout: 20000 });
}
async function closeApp() {
  if (browser) await browser.deleteSession();
  browser = undefined;
}
const $ = (testid) => browser.$(`[data-testid="${testid}"]`);
/** Scrolls the element into view first: the settings dialog scrolls inside itself. */
async function fill(testid, value) {
  const element = await $(testid);
  await element.scrollIntoView({ block: "center" });
  await element.setValue(value);
}
async function press(testid) {
  const element = await $(testid);
  await element.scrollIntoView({ block: "center" });
  await element.click();
}
const $$ = (testid) => browser.$$(`[data-testid="${testid}"]`);
const text = async (testid) => (await $(testid).getText()).trim();
/** A screenshot of the X display (the whole window as the operator sees it). */
async function shot(name) {
  mkdirSync(SHOTS, { recursive: true });
  execFileSync("import", ["-window", "root", join(SHOTS, `${name}.png`)], { timeout: 20000 });
}
async function lookUp(id) {
  const input = await $("search-input");
  await input.setValue(id);
  await press("search-button");
}
async function waitText(testid, pattern) {
  await browser.waitUntil(async () => (await $(testid).isExisting()) && pattern.test(await text(testid)), {
    timeout: 15000,
    timeoutMsg: `${testid} never matched ${pattern}`,
  });
}

function keyringEntries() {
  let out = "";
  try {
    out = execFileSync("secret-tool", ["search", "--all", "service", "op-console"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = `${e.stdout ?? ""}${e.stderr ?? ""}`;
  }
  const all = execFileSync("sh", ["-c", "secret-tool search --all service op-console 2>&1 || true"], { encoding: "utf8" });
  return (out + all).match(/attribute\.username = \S+/g) ?? [];
}

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** A test body that leaves a screenshot behind when it fails. */
const scenario = (name, body) =>
  it(name, async () => {
    try {
      await body();
    } catch (error) {
      if (browser) await shot(`failed-${name.slice(0, 2).replace(/\W/g, "")}`).catch(() => {});
      throw error;
    }
  });

let simUrl;
let driver;
before(async () => {
  driver = start("tauri-driver", ["--port", "4444", "--native-port", "4445"], XDG);
  await waitFor(() => canConnect(4444), "tauri-driver on 4444");
  simUrl = await startOpSim();
});
after(async () => {
  await closeApp().catch(() => {});
  stopAll();
});

describe("Op Console end to end", () => {
  scenario("a. first run: the demo looks up the spec's example user", async () => {
    await openApp();
    assert.ok(await $("demo-badge").isExisting(), "the demo badge shows");
    await lookUp(EXAMPLE);
    await waitText("chat-id", /u0001106268050147246664/);
    assert.equal(await text("chat-subtitle"), "Get帮你搞定一切");
    assert.match(await text("chat-status"), /^5/);
    assert.match(await text("chat-operator"), /o0001b41cf9f36e5a42e2a5b539593981fe32/);
    assert.equal(await text("location-address"), "北京市海淀区小清河路");
    assert.equal(await text("location-coords"), "40.022480, 116.298600");
    await $("map-marker").waitForExist({ timeout: 10000 });
    assert.match(await text("user-id"), new RegExp(EXAMPLE));
    assert.equal(await text("user-service-count"), "7");
    assert.ok(await $("no-addresses").isExisting());
    assert.ok(await $("no-contacts").isExisting());
    assert.equal(await $("tiles-unavailable").isExisting(), false, "the demo's loopback tiles load");
    await shot("a-demo-example-user");
  });

  scenario("b. a profile of our own; token and secret go to the keyring and nowhere else", async () => {
    const noTiles = await closedPort();
    await press("settings-open");
    await press("settings-new-profile");
    await fill("settings-name", "E2E staging");
    await fill("settings-base-url", simUrl);
    await fill("settings-client-id", CLIENT);
    await $("settings-sign-rule").selectByAttribute("value", "alipay");
    await $("settings-coord-system").selectByAttribute("value", "gcj02");
    await press("settings-tiles-on");
    await fill("settings-tile-url", `http://127.0.0.1:${noTiles}/tiles/{z}/{x}/{y}.png`);
    await fill("settings-timeout", "1500");
    await press("settings-save");
    await waitText("settings-message", /已保存/);
    await fill("settings-token", TOKEN);
    await fill("settings-secret", SECRET);
    await press("settings-save-credentials");
    await waitText("settings-token-state", /已保存/);
    assert.equal(await text("settings-secret-state"), "已保存");
    assert.equal(await $("settings-token").getValue(), "", "the field is emptied once saved");
    await press("settings-use");
    await shot("b-settings-saved");

    const entries = keyringEntries();
    assert.ok(entries.some((e) => e.endsWith(":token")), `secret-tool finds the token: ${entries}`);
    assert.ok(entries.some((e) => e.endsWith(":secret")), `secret-tool finds the secret: ${entries}`);
    for (const file of filesUnder(home)) {
      const content = readFileSync(file, "latin1");
      assert.ok(!content.includes(TOKEN) && !content.includes(SECRET), `${file} holds a credential`);
    }
    await press("settings-close");
  });

  scenario("c. lookups on that profile: success, unknown user, slow server, hostile text, wrong token", async () => {
    await lookUp(EXAMPLE);
    await waitText("chat-id", /u0001106268050147246664/);
    await $("tiles-unavailable").waitForExist({ timeout: 15000 });
    await $("map-marker").waitForExist();
    await shot("c1-own-profile-no-tiles");

    await lookUp("u0001-nobody");
    await waitText("error-text", /4040/);
    await shot("c2-unknown-user");

    await lookUp("u0001-slow");
    await waitText("error-text", /1\.5 秒内没有响应/);
    await shot("c3-timeout");

    await lookUp("u0001-hostile");
    await waitText("chat-subtitle", /<img src=x onerror=/);
    assert.match(await text("user-name"), /<script>window\.__opConsolePwned=1<\/script>/);
    assert.equal(await browser.execute(() => typeof window.__opConsolePwned), "undefined", "no payload ran");
    const injected = await browser.execute(
      () => document.querySelectorAll('[data-testid="results"] script, [data-testid="results"] iframe, [data-testid="results"] img[onerror]').length,
    );
    assert.equal(injected, 0);
    await shot("c4-hostile-text");

    await press("settings-open");
    await fill("settings-token", "o0001-not-the-token");
    await press("settings-save-credentials");
    await waitText("settings-message", /已保存/);
    await press("settings-close");
    await lookUp(EXAMPLE);
    await waitText("error-text", /4003/);
    assert.ok(await $("error-settings").isExisting(), "the next step is settings");
    await shot("c5-wrong-token");

    await press("error-settings");
    await fill("settings-token", TOKEN);
    await press("settings-save-credentials");
    await waitText("settings-message", /已保存/);
    await press("settings-close");
  });

  scenario("d. after a restart: the profile, the credentials and the recent lookups are still there", async () => {
    await closeApp();
    await openApp();
    await browser.waitUntil(async () => (await $("profile-select").getValue()) !== "demo", { timeout: 10000 });
    assert.equal(await $("demo-badge").isExisting(), false);
    await browser.waitUntil(async () => (await $$("recent-item").length) >= 3, { timeout: 10000 });
    await lookUp(EXAMPLE);
    await waitText("chat-id", /u0001106268050147246664/);
    await shot("d-after-restart");
  });

  scenario("e. forget credentials: the keyring entries are gone", async () => {
    await press("settings-open");
    await press("settings-forget-credentials");
    await waitText("settings-token-state", /未保存/);
    assert.deepEqual(keyringEntries(), []);
    await shot("e-forgotten");
    await press("settings-close");
  });
});
