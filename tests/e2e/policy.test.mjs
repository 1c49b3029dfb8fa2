// IT's policy through the real app (#24): a policy file in a root-only folder (the way a
// test may name one: OP_CONSOLE_POLICY_DIR, honoured only while the machine has no policy
// of its own and only for a folder and file root alone may write). A managed profile shown
// as managed and read-only but usable with the operator's own credentials, an import that
// tries to re-point it refused, a link to a profile outside the allowed hosts sending
// nothing, the hotkey off (another app can take the combination), phone reveal off, and the
// Policies section listing each value with the file's one mistake named.
import { before, describe } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import {
  $, $$, APP, browser, CLIENT, countingListener, enterCredentials, jsonFile, lookUp, openApp, policyFolder, press, saveProfiles, scenario,
  secondLaunch, SECRET, shot, start, startOpSim, text, TOKEN, waitText, withDriver, XDG,
} from "./harness.mjs";

withDriver();

const RICH = "u0001-rich";

let simUrl;
let outside;
let policy;
let policyDir;
before(async () => {
  simUrl = (await startOpSim()).base;
  outside = await countingListener();
  // The operator's own profile from before the policy, pointing at a host IT does not allow.
  const old = { id: "old", name: "Old", baseUrl: outside.url, clientId: CLIENT, signRule: { scheme: "alipay" } };
  saveProfiles("old", [old]);
  policy = {
    managedProfiles: [{ id: "prod", name: "生产", baseUrl: simUrl, clientId: CLIENT, signRule: { scheme: "alipay" } }],
    mandatory: {
      allowedHosts: [simUrl.replace("http://", "")],
      demo: false,
      hotkey: null,
      phoneReveal: false,
      rawAnswer: false,
      locationPrecision: "district",
    },
    recommended: { closeToTray: false, revealSecond: 10 },
  };
  policyDir = policyFolder(policy);
  await openApp([], { OP_CONSOLE_POLICY_DIR: policyDir });
});

/** Holds Ctrl+Alt+`key` as another app would; resolves to whether it got it. */
function grab(key) {
  const grabber = start("python3", [new URL("./x11-grab.py", import.meta.url).pathname, key]);
  return new Promise((resolve) => {
    grabber.stdout.once("data", () => resolve({ held: true, release: () => grabber.kill("SIGTERM") }));
    grabber.on("exit", () => resolve({ held: false, release: () => {} }));
  });
}

describe("IT's policy, enforced and shown", () => {
  scenario("p1. the managed profile is in use, marked, read-only, and works with the operator's own credentials", async () => {
    await waitText("managed-chip", /由组织管理/);
    assert.equal(await $("demo-badge").isExisting(), false, "the demo is off");
    await press("settings-open");
    await waitText("settings-managed-note", /由组织管理：可以使用并输入自己的凭据/);
    assert.equal(await $("settings-profile-fields").getProperty("disabled"), true);
    // Every field of it is disabled (a disabled fieldset disables what it holds).
    const editable = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="settings-profile-fields"] input, [data-testid="settings-profile-fields"] select')]
        .filter((field) => !field.matches(":disabled")).length,
    );
    assert.equal(editable, 0);
    assert.equal(await $("settings-save").isExisting(), false);
    assert.equal(await $("settings-delete").isExisting(), false);
    // The old profile outside the allowed hosts is not offered.
    assert.equal(await $("settings-profile-old").isExisting(), false);
    await shot("p1-settings-managed-profile");
  });

  scenario("p2. an import that tries to re-point the managed profile is refused with the reason", async () => {
    const repoint = jsonFile("repoint.json", { profiles: [{ id: "prod", name: "生产", baseUrl: outside.url, clientId: CLIENT }] });
    await $("settings-import").setValue(repoint);
    await waitText("settings-message", /组织的策略锁定了“由组织管理的配置”，此更改未被接受/);
    assert.equal((await browser.getWindowHandles()).length, 1, "nothing waits in the trusted window");
    assert.equal(outside.connections, 0);
  });

  scenario("p3. the hotkey is off and locked: another app can take Ctrl+Alt+U", async () => {
    assert.equal(await $("hotkey-input").isEnabled(), false);
    assert.match(await text("desktop-settings"), /由组织策略锁定/);
    const other = await grab("u");
    other.release();
    assert.equal(other.held, true, "the console holds no global hotkey");
  });

  scenario("p4. the Policies section lists each value and names the file's mistake", async () => {
    await $("policy-table").scrollIntoView({ block: "center" });
    const row = (key) => text(`policy-row-${key}`);
    assert.match(await row("allowedHosts"), new RegExp(`允许的地址.*${simUrl.replace("http://", "").replace(/\./g, "\\.")}.*强制.*生效`));
    assert.match(await row("demo"), /演示模式.*false.*强制.*生效/);
    assert.match(await row("hotkey"), /全局快捷键.*null.*强制.*生效/);
    assert.match(await row("phoneReveal"), /显示完整号码.*false.*强制/);
    assert.match(await row("rawAnswer"), /原始数据视图.*false.*强制/);
    assert.match(await row("closeToTray"), /关闭时隐藏到托盘.*false.*推荐.*生效/);
    assert.match(await row("managedProfiles"), /由组织管理的配置.*"id":"prod"/);
    assert.equal((await $$("policy-issue")).length, 1);
    assert.match(await text("policy-issue"), /revealSecond\s*:\s*未知的键（拼写错误，或较新版本的键），已忽略。/);
    assert.match(await text("policies-hint"), /下次启动控制台时生效/);
    await shot("p4-settings-policies");
    // The same for support scripts, as JSON.
    const report = JSON.parse(execFileSync(APP, ["--policy-report"], { env: { ...process.env, OP_CONSOLE_POLICY_DIR: policyDir }, encoding: "utf8" }));
    assert.equal(report.path, join(policyDir, "policy.json"));
    assert.deepEqual(report.entries.map((e) => [e.key, e.level, e.applied]), [
      ["managedProfiles", "mandatory", true],
      ["allowedHosts", "mandatory", true],
      ["demo", "mandatory", true],
      ["hotkey", "mandatory", true],
      ["locationPrecision", "mandatory", true],
      ["phoneReveal", "mandatory", true],
      ["rawAnswer", "mandatory", true],
      ["closeToTray", "recommended", true],
    ]);
    assert.deepEqual(report.issues, [{ key: "revealSecond", level: "recommended", problem: { kind: "unknownKey" } }]);
    await press("settings-close");
    await waitText("policy-banner", /策略文件有 1 处问题/);
  });

  scenario("p5. the managed profile looks up with the operator's credentials; no reveal, no raw view, the location at district precision", async () => {
    await press("settings-open");
    await $("settings-enter-credentials").waitForExist({ timeout: 10000 });
    await enterCredentials(TOKEN, SECRET);
    await press("settings-close");
    await lookUp(RICH);
    await waitText("user-phone-value", /138\*\*\*\*5678/);
    assert.equal(await $("user-phone-reveal").isExisting(), false);
    assert.equal((await $$("contact-phone-reveal")).length, 0);
    assert.equal(await $("raw-json").isExisting(), false);
    // The location at district precision until revealed, the reveal journaled.
    await waitText("location-address", /^上海市浦东新区$/);
    assert.equal(await $("location-coords").isExisting(), false);
    await shot("p5-location-district");
    await press("location-reveal");
    await waitText("location-coords", /\d+\.\d+, \d+\.\d+/);
    const journal = JSON.parse(execFileSync(APP, ["--export-reveals", "--format", "json"], { env: { ...process.env, ...XDG }, encoding: "utf8" }));
    assert.deepEqual(journal.map((e) => [e.profileId, e.userId, e.field]), [["prod", RICH, "location"]]);
    await shot("p5-location-revealed");
  });

  scenario("p6. a link to a profile outside the allowed hosts sends nothing", async () => {
    await secondLaunch(`opconsole://lookup/${RICH}?profile=old`);
    await waitText("desktop-notice", /配置“old”/);
    assert.equal(outside.connections, 0, "nothing reached the host outside the list");
  });
});
