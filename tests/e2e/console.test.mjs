// The real Op Console (target/debug/op-console) in a real window, driven through
// tauri-driver and WebKitWebDriver, with the real keyring. run.sh provides the network
// namespace, Xvfb and the D-Bus session; harness.mjs starts and ends everything else.
import { before, describe } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  $, $$, browser, CLIENT, closeApp, closedPort, CONFIG_DIR, countingListener, DATA_DIR, enterCredentials, EXAMPLE, filesUnder, fill, home,
  inTrustedWindow, jsonFile, keyringEntries, lookUp, openApp, pageShot, press, scenario, SECRET, shot, startOpSim, text, TOKEN,
  trustedWindowClosed, waitText, withDriver,
} from "./harness.mjs";

let simUrl;
withDriver();
before(async () => {
  simUrl = (await startOpSim()).base;
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
    assert.equal(await text("chat-created-time"), "2015-09-15 16:54:18 (UTC+8)", "the time in the API's zone, labelled");
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
    // The credentials are typed in the trusted window: this page has no field for them.
    assert.equal(await browser.execute(() => document.querySelectorAll("input[type=password]").length), 0);
    await enterCredentials(TOKEN, SECRET, "b-trusted-window-credentials");
    await waitText("settings-token-state", /已保存/);
    assert.equal(await text("settings-secret-state"), "已保存");
    await press("settings-use");
    // The demo's answer of scenario a leaves with its profile (Settings' Use resets the
    // result as the header's selector does).
    await $("chat-id").waitForExist({ reverse: true, timeout: 5000 });
    await shot("b-settings-saved");

    const entries = keyringEntries();
    // One entry for the profile, holding the token and the secret together.
    assert.deepEqual(entries, ["attribute.username = profile-1"], `secret-tool finds one entry: ${entries}`);
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
    // A 10,000-character address takes two lines; the cards after it stay in reach.
    const clamped = await browser.execute(() => {
      const box = document.querySelector('[data-testid="address-text"] .clamp');
      return { height: box.getBoundingClientRect().height, line: parseFloat(getComputedStyle(box).lineHeight) };
    });
    assert.ok(clamped.height <= 2.5 * clamped.line, `the address is ${clamped.height}px high`);
    await shot("c4-hostile-text");

    // An API that drifts: the chat shows, and a chip names the fields it could not read.
    await lookUp("u0001-drift-unreadable");
    await waitText("chat-subtitle", /无法读取的字段/);
    assert.match(await text("warnings-chip"), /^\d+ 个字段无法读取$/);
    await press("warnings-chip");
    await waitText("warnings-list", /data\.user\.serviceCount：收到一个对象，已略过/);
    await shot("c5-drift-warnings");

    // A decode error keeps the answer for support, its echoed token redacted.
    await lookUp("u0001-echo");
    await waitText("error-text", /无法解析/);
    await press("error-raw");
    await waitText("error-raw-text", /Bad request: .*token=\*\*\*/);
    const raw = await text("error-raw-text");
    assert.ok(!raw.includes(TOKEN), `the raw answer holds the token: ${raw}`);
    assert.doesNotMatch(raw, /sign=[0-9a-f]{32}/i, "the raw answer holds the sign");
    await shot("c6-decode-error-raw-answer");
    // Each result's raw answer is its own: after another lookup and back, still that one's.
    await lookUp(EXAMPLE);
    await waitText("chat-id", /u0001106268050147246664/);
    await lookUp("u0001-rich");
    await waitText("chat-id", /u0001106268050147246701/);
    await press("history-back");
    await waitText("chat-id", /u0001106268050147246664/);
    await press("raw-json");
    await waitText("raw-json-text", /u0001106268050147246664/);
    assert.doesNotMatch(await text("raw-json-text"), /u0001106268050147246701/, "the later lookup's answer");

    await press("settings-open");
    await enterCredentials("o0001-not-the-token", null);
    await waitText("settings-message", /已保存/);
    await press("settings-close");
    await lookUp(EXAMPLE);
    await waitText("error-text", /4003/);
    assert.ok(await $("error-settings").isExisting(), "the next step is settings");
    await shot("c7-wrong-token");

    await press("error-settings");
    await enterCredentials(TOKEN, null);
    await waitText("settings-message", /已保存/);
    await press("settings-close");
  });

  scenario("d. after a restart: the profile, the credentials and the recent lookups are still there", async () => {
    await closeApp();
    await openApp();
    await browser.waitUntil(async () => (await $("profile-select").getValue()) !== "demo", { timeout: 10000 });
    assert.equal(await $("demo-badge").isExisting(), false);
    await browser.waitUntil(async () => (await $$("recent-item").length) >= 3, { timeout: 10000 });
    // Each row says its profile: the demo's lookup of scenario a beside this profile's; a
    // row of another profile asks before switching, and "cancel" stays here.
    const profiles = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="recent-profile"]')].map((label) => label.textContent.trim()),
    );
    assert.ok(profiles.includes("E2E staging"), profiles.join(", "));
    const other = profiles.findIndex((name) => name !== "E2E staging");
    assert.ok(other >= 0, `a row of the demo: ${profiles.join(", ")}`);
    const profileInUse = await $("profile-select").getValue();
    await (await $$("recent-item"))[other].click();
    await $("switch-confirm").waitForExist({ timeout: 5000 });
    await press("switch-cancel");
    assert.equal(await $("profile-select").getValue(), profileInUse);
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

  scenario("f. an imported file re-points the profile: the trusted window asks, nothing is sent to the new server, the credentials are asked for again", async () => {
    const listener = await countingListener();
    await press("settings-open");
    await enterCredentials(TOKEN, SECRET);
    await waitText("settings-token-state", /已保存/);
    const file = jsonFile("repoint.json", { profiles: [{ id: "profile-1", name: "E2E staging", baseUrl: listener.url, clientId: CLIENT, signRule: { scheme: "alipay" }, allowInsecureHttp: true }] });
    await $("settings-import").setValue(file);
    await waitText("settings-message", /请在弹出的“Op Console”窗口中确认/);
    await inTrustedWindow(async () => {
      await waitText("trusted-change-baseUrl", new RegExp(`→ ${listener.url.replace(/\./g, "\\.")}`));
      assert.ok(await $("trusted-credentials-unusable").isExisting(), "it says the saved credentials will not be sent");
      await pageShot("f1-import-asks-first");
      await press("trusted-apply");
    });
    await trustedWindowClosed();
    await waitText("settings-message", /已导入 1 个配置/);
    await $("settings-credentials-other-server").waitForExist({ timeout: 10000 });
    await press("settings-close");

    await lookUp(EXAMPLE);
    await waitText("error-text", /为保护凭据，控制台没有发送任何请求/);
    assert.ok(await $("error-settings").isExisting(), "the next step is settings");
    assert.equal(listener.connections, 0, "the new server received no connection");
    await shot("f2-credentials-for-other-server");
    listener.close();
  });

  scenario("g. files only this user can read; damaged files are moved aside and the console still starts", async () => {
    const profiles = join(CONFIG_DIR, "profiles.json");
    const recent = join(DATA_DIR, "recent.json");
    const mode = (path) => (statSync(path).mode & 0o777).toString(8);
    for (const file of [profiles, recent]) {
      assert.equal(mode(file), "600", `${file} is this user's only`);
      assert.equal(mode(join(file, "..")), "700", `its folder is this user's only`);
    }
    await closeApp();
    writeFileSync(profiles, '{"version": 1, "profiles": [ {"id": "broken"');
    writeFileSync(recent, "not json at all");
    await openApp();
    await waitText("moved-aside-banner", /profiles\.json 已损坏，已移到 .*profiles\.json\.bad-\d+ 保留/);
    assert.ok(await $("demo-badge").isExisting(), "the console started on the demo");
    assert.ok(!existsSync(profiles) || !readFileSync(profiles, "utf8").includes("broken"), "the damaged file is no longer read");
    await shot("g-damaged-files-moved-aside");
    await lookUp(EXAMPLE);
    await waitText("chat-id", /u0001106268050147246664/);
  });
});
