// Credentials and customer data go only where the operator agreed, through the real app:
// credentials an earlier version saved do not follow a re-point made at start, a proxy
// added by an import gets nothing, the environment's proxy never takes a loopback lookup,
// a second launch's import waits for the operator, a link carries nothing beside it, and
// the main page can neither save credentials nor approve a change, nor be taken to another
// origin. Listeners on loopback
// count what reaches them.
import { before, describe } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  $, browser, CLIENT, closeApp, consoleLog, countingListener, enterCredentials, EXAMPLE, inTrustedWindow, jsonFile, lookUp, openApp,
  pageShot, press, saveProfiles, scenario, secondLaunch, SECRET, start, startOpSim, text, TOKEN, trustedWindowClosed, waitFor, waitText,
  withDriver, XDG,
} from "./harness.mjs";

withDriver();

// The environment's proxy for the console (system mode follows it), NO_PROXY silent about
// this machine: a listener that must never see a lookup to 127.0.0.1. (The lower-case
// no_proxy is WebKit's, whose automation link to the driver runs over loopback; the
// console reads NO_PROXY first, and it names nothing.)
const environmentProxy = await countingListener();
const PROXY_ENV = { HTTP_PROXY: environmentProxy.url, HTTPS_PROXY: environmentProxy.url, NO_PROXY: "", no_proxy: "127.0.0.1,localhost" };

let simUrl;
before(async () => {
  simUrl = (await startOpSim()).base;
});

describe("credentials and customer data go only where the operator agreed", () => {
  scenario("s1. credentials an earlier version saved do not follow a re-point made at start", async () => {
    // An earlier version's state: profiles.json, and the token and secret as two keyring entries.
    const prod = { id: "prod", name: "Prod", baseUrl: simUrl, clientId: CLIENT, signRule: { scheme: "alipay" } };
    saveProfiles("prod", [prod]);
    for (const [account, value] of [["prod:token", TOKEN], ["prod:secret", SECRET]]) {
      execFileSync("secret-tool", ["store", "--label", "Op Console (earlier version)", "service", "op-console", "username", account], { input: value });
    }
    // IT's file at start points the profile elsewhere.
    const elsewhere = await countingListener();
    await openApp(["--profiles", jsonFile("repoint.json", { profiles: [{ ...prod, baseUrl: elsewhere.url }] })], PROXY_ENV);
    await inTrustedWindow(async () => {
      await waitText("trusted-changes-title", /启动时 IT 提供的配置文件/);
      assert.match(await text("trusted-change-baseUrl"), new RegExp(`→ ${elsewhere.url.replace(/\./g, "\\.")}`));
      assert.ok(await $("trusted-credentials-unusable").isExisting(), "the earlier version's credentials count as saved");
      await pageShot("s1-start-up-import-asks");
      await press("trusted-apply");
    });
    await trustedWindowClosed();
    await lookUp(EXAMPLE);
    await waitText("error-text", /为保护凭据，控制台没有发送任何请求/);
    assert.equal(elsewhere.connections, 0, "the token and a valid sign did not reach the new host");
    elsewhere.close();
  });

  scenario("s2. a proxy added by an import gets nothing; the environment's proxy never takes a loopback lookup", async () => {
    // Credentials entered for the profile where it points now (back at op-sim).
    const prod = { id: "prod", name: "Prod", baseUrl: simUrl, clientId: CLIENT, signRule: { scheme: "alipay" } };
    await press("settings-open");
    await $("settings").waitForExist();
    await $("settings-import").setValue(jsonFile("back.json", { profiles: [prod] }));
    await inTrustedWindow(() => press("trusted-apply"));
    await trustedWindowClosed();
    await enterCredentials(TOKEN, SECRET);
    await press("settings-close");
    await lookUp(EXAMPLE);
    await waitText("chat-id", /u0001106268050147246664/);
    assert.equal(environmentProxy.connections, 0, "system mode: a lookup to this machine is never proxied");

    // An attacker's proxy: plain http through it would show the whole request line.
    const proxy = await countingListener();
    await press("settings-open");
    await $("settings-import").setValue(jsonFile("proxy.json", { profiles: [{ ...prod, proxy: { mode: "url", url: proxy.url }, allowInsecureHttp: true }] }));
    await inTrustedWindow(async () => {
      assert.match(await text("trusted-change-proxy"), new RegExp(`→ ${proxy.url.replace(/\./g, "\\.")}`));
      assert.ok(await $("trusted-credentials-unusable").isExisting());
      await press("trusted-apply");
    });
    await trustedWindowClosed();
    await press("settings-close");
    await lookUp(EXAMPLE);
    await waitText("error-text", /为保护凭据，控制台没有发送任何请求/);
    assert.equal(proxy.connections, 0, "nothing reached the proxy");
    proxy.close();
  });

  scenario("s3. a second launch's import waits for the operator; a link carries nothing beside it", async () => {
    const tiles = await countingListener();
    const moved = {
      id: "prod", name: "Prod", baseUrl: simUrl, clientId: CLIENT, signRule: { scheme: "alipay" },
      tiles: { urlTemplate: `${tiles.url}/{z}/{x}/{y}.png`, attribution: "", coordSystem: "wgs84" },
    };
    const path = jsonFile("tiles.json", { profiles: [moved] });
    await secondLaunch("--profiles", path);
    await inTrustedWindow(async () => {
      await waitText("trusted-changes-title", /另一个程序交给控制台的配置文件/);
      assert.match(await text("trusted-change-tiles"), new RegExp(tiles.url.replace(/\./g, "\\.")));
      await press("trusted-keep");
    });
    await trustedWindowClosed();
    // A link with --profiles beside it (a platform passing "%1"): the link only.
    await secondLaunch(`opconsole://lookup/${EXAMPLE}`, "--profiles", path);
    await browser.waitUntil(async () => (await $("search-input").getValue()) === EXAMPLE, { timeoutMsg: "the link was not looked up" });
    assert.equal((await browser.getWindowHandles()).length, 1, "no import was even asked about");
    await press("settings-open");
    assert.equal(await $("settings-tiles-on").isSelected().catch(() => false), false, "the tiles were not moved");
    await press("settings-close");
    assert.equal(tiles.connections, 0);
    tiles.close();
  });

  scenario("s4. the main page can neither save credentials nor approve a change", async () => {
    // Script that got into the main page calls the trusted window's commands directly.
    for (const [command, args] of [
      ["save_requested_credentials", { requestId: 1, token: "o0001-page-token", secret: "page-secret" }],
      ["approve_changes", { requestId: 1 }],
      ["approval_request", {}],
    ]) {
      const refused = await browser.executeAsync((command, args, done) => {
        window.__TAURI_INTERNALS__.invoke(command, args).then(() => done("allowed"), (e) => done(String(e)));
      }, command, args);
      assert.match(refused, /not allowed/i, `${command}: ${refused}`);
    }
  });

  scenario("s5. the console's window stays on its own page: script that got into it cannot take it elsewhere", async () => {
    // Elsewhere would get a page that the window's start (the profiles, a link's request)
    // is not given to, and the window's commands.
    const elsewhere = await countingListener();
    const refusals = () => consoleLog(XDG).split("asked to go to another origin").length - 1;
    const before = refusals();
    await browser.execute((url) => {
      window.location.href = url;
    }, `${elsewhere.url}/`);
    await waitFor(() => refusals() > before, "the navigation refused (the console's log)");
    assert.equal(elsewhere.connections, 0, "nothing reached the other origin");
    assert.equal(await browser.execute(() => location.protocol), "tauri:");
    assert.ok(await $("search-input").isExisting(), "the console's page is still there");
    elsewhere.close();
    await closeApp();
  });

  scenario("s6. a link that starts the console naming another profile sends nothing of it before the operator's yes", async () => {
    // "other" has credentials of its own, saved for a host that counts who connects.
    const host = await countingListener();
    const prod = { id: "prod", name: "Prod", baseUrl: simUrl, clientId: CLIENT, signRule: { scheme: "alipay" } };
    const other = { id: "other", name: "Other", baseUrl: host.url, clientId: CLIENT, signRule: { scheme: "alipay" } };
    saveProfiles("other", [prod, other]);
    await openApp();
    await press("settings-open");
    await $("settings").waitForExist();
    await enterCredentials(TOKEN, SECRET);
    await press("settings-close");
    await closeApp();
    // The operator's profile in use is prod; a link starts the console for other.
    saveProfiles("prod", [prod, other]);
    const link = `opconsole://lookup/${EXAMPLE}?profile=other`;
    await openApp([link]);
    await waitText("switch-confirm", /配置“Other”/);
    assert.equal(host.connections, 0, "the start's early lookup did not run on the profile the link names");
    await press("switch-cancel");
    assert.equal(await $("profile-select").getValue(), "prod");
    assert.equal(host.connections, 0, "a no sends nothing");
    // The operator's yes is what sends it (so the counts above could have been more).
    await secondLaunch(link);
    await press("switch-accept");
    await waitFor(() => host.connections > 0, "the lookup on other after the yes");
    host.close();
    await closeApp();
  });
});
