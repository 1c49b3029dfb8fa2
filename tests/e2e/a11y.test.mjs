// Accessibility through the real app (#26): axe-core over every screen and state the operator
// meets — in Chinese and English, light and dark — with no violation of any impact, WCAG 2.2's
// target size included (24×24 px, or spaced); and a keyboard-only walk through an operator's
// loop. SCREENS is the list: a new screen without an entry here has no check, visibly.
import { before, describe } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  $, axeViolations, browser, DATA_DIR, EXAMPLE, fill, inTrustedWindow, lookUp, openApp, press, saveProfiles, scenario, secondLaunch, shot,
  text, trustedWindowClosed, waitFor, waitText, withDriver,
} from "./harness.mjs";

withDriver();

/** The page's own dark palette (its `prefers-color-scheme: dark` rules), applied unconditionally. */
async function forceDark() {
  await browser.execute(() => {
    for (const sheet of document.styleSheets) {
      for (const rule of [...sheet.cssRules]) {
        if (rule instanceof CSSMediaRule && rule.conditionText.includes("dark")) {
          for (const inner of [...rule.cssRules]) sheet.insertRule(inner.cssText, sheet.cssRules.length);
        }
      }
    }
  });
}

async function setLanguage(lang) {
  if ((await $("language-toggle").getText()) === (lang === "zh" ? "中文" : "English")) await press("language-toggle");
}

/** Back to the empty main screen: no dialog, no result, no notice. */
async function reset() {
  await browser.keys(["Escape"]);
  for (const close of ["settings-close", "shortcuts-close", "desktop-notice-close", "switch-cancel"]) {
    if (await $(close).isExisting()) await press(close);
  }
}

async function open(testid) {
  const details = await $(testid);
  await details.waitForExist({ timeout: 15000 });
  if (!(await details.getProperty("open"))) await details.$("summary").click();
}

/** Every screen and state, each brought about from the main screen. */
const SCREENS = [
  // The banner of a file moved aside at start stays on every screen (never closed here).
  ["main screen, empty, with the banner of a file moved aside", async () => {
    await $("moved-aside-banner").waitForExist({ timeout: 15000 });
  }],
  ["a result", async () => {
    await lookUp(EXAMPLE);
    await waitText("chat-id", /u0001106268050147246664/);
  }],
  ["a result with its warnings open", async () => {
    await lookUp("u0001-drift-unreadable");
    await open("warnings");
  }],
  ["a result with its raw answer open", async () => {
    await lookUp("u0001-rich");
    await open("raw-json");
    await waitText("raw-json-text", /chatId/);
  }],
  ["error: no chat", async () => {
    await lookUp("u0001-nochat");
    await $("error-panel").waitForExist({ timeout: 15000 });
  }],
  ["error: the API's own, with its raw answer open", async () => {
    await lookUp("u0001-apierror");
    await open("error-raw");
  }],
  ["error: HTTP 500", async () => {
    await lookUp("u0001-http500");
    await $("error-panel").waitForExist({ timeout: 15000 });
  }],
  ["error: an answer that cannot be read", async () => {
    await lookUp("u0001-malformed");
    await $("error-panel").waitForExist({ timeout: 15000 });
  }],
  ["a user ID that cannot be one", async () => {
    await lookUp("用户 1");
    await waitText("search-problem", /./);
  }],
  ["Settings, every section", async () => {
    await press("settings-open");
    await $("updates").waitForExist({ timeout: 15000 });
  }],
  ["Settings, an own profile's every section (connection, sign rule, network, map, labels, credentials)", async () => {
    await press("settings-open");
    await press("settings-profile-other");
    await $("settings-ca-file").waitForExist({ timeout: 15000 });
  }],
  ["Settings, a new profile's form with a problem named", async () => {
    await press("settings-open");
    await press("settings-new-profile");
    await fill("settings-name", "草稿");
    await fill("settings-base-url", "ftp://op.example.com");
    await fill("settings-client-id", "c0ffee");
    await press("settings-save");
    await $("settings-message").waitForExist({ timeout: 15000 });
  }],
  ["the shortcuts sheet", async () => {
    await press("shortcuts-open");
    await $("shortcuts-close").waitForExist({ timeout: 15000 });
  }],
  ["a desktop notice (a link that cannot be used)", async () => {
    await secondLaunch("opconsole://lookup/");
    await $("desktop-notice").waitForExist({ timeout: 15000 });
  }],
  ["a link's question (another profile)", async () => {
    await secondLaunch("opconsole://lookup/u0001-rich?profile=other");
    await $("switch-confirm").waitForExist({ timeout: 15000 });
  }],
];

before(async () => {
  // The demo in use, and a second profile a link can name (never asked: the walk declines).
  const other = { id: "other", name: "Other", baseUrl: "http://127.0.0.1:9", clientId: "c0ffee", signRule: { scheme: "alipay" } };
  saveProfiles("demo", [other]);
  // A damaged recent list: the console moves it aside and says so (a banner to check).
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(join(DATA_DIR, "recent.json"), "{ not json");
  await openApp();
});

/** The AT-SPI tree of the console (what Orca reads), as tests/e2e/atspi-tree.py prints it. */
function screenReaderTree() {
  const pid = execFileSync("pgrep", ["-n", "-x", "op-console"], { encoding: "utf8" }).trim();
  const script = new URL("./atspi-tree.py", import.meta.url).pathname;
  const out = execFileSync("/usr/bin/python3", [script, pid], { encoding: "utf8", timeout: 60000 });
  return out.trim().split("\n").map((line) => JSON.parse(line));
}

/** The tree has a node of `role` whose name (or, for any role, text) matches `name`. */
function reads(tree, role, name) {
  const matches = (value) => (name instanceof RegExp ? name.test(value) : value === name);
  const found = tree.some((n) => (role == null || n.role === role) && (matches(n.name) || (role == null && matches(n.text))));
  assert.ok(found, `nothing read as ${role ?? "any role"} "${name}" (${tree.length} nodes: ${JSON.stringify(tree.filter((n) => n.name).slice(0, 80).map((n) => `${n.role}:${n.name}`))})`);
}

/** The focused element's test ID. */
const focused = () => browser.execute(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName);

/** Tab (or Shift+Tab) until `testid` has the focus; fails after `limit` presses. */
async function tabTo(testid, { back = false, limit = 60 } = {}) {
  for (let i = 0; i < limit; i += 1) {
    if ((await focused()) === testid) return;
    await browser.keys(back ? ["Shift", "Tab"] : ["Tab"]);
  }
  assert.fail(`Tab never reached ${testid} (last: ${await focused()})`);
}

/** Typed on the X keyboard, as a person types (WebDriver merges repeated keys). */
const typeText = async (value) => execFileSync("xdotool", ["type", "--delay", "30", value]);

describe("accessibility", () => {
  scenario("a1. axe-core: no violation of any impact on any screen, zh and en, light and dark", async () => {
    const found = [];
    for (const dark of [false, true]) {
      if (dark) await forceDark();
      for (const lang of ["zh", "en"]) {
        for (const [name, bring] of SCREENS) {
          await reset();
          await setLanguage(lang);
          await bring();
          found.push(...(await axeViolations()).map((v) => ({ where: `${name}, ${lang}, ${dark ? "dark" : "light"}`, ...v })));
        }
      }
    }
    await reset();
    await setLanguage("zh");
    assert.deepEqual(found, []);
  });

  scenario("a4. the trusted window (credentials typed there): no violation of any impact, zh and en", async () => {
    const found = [];
    for (const lang of ["zh", "en"]) {
      await reset();
      await setLanguage(lang);
      await press("settings-open");
      await press("settings-profile-other");
      await press("settings-enter-credentials");
      await inTrustedWindow(async () => {
        await $("trusted-token").waitForExist({ timeout: 15000 });
        found.push(...(await axeViolations()).map((v) => ({ where: `trusted window, ${lang}`, ...v })));
        await press("trusted-cancel");
      });
      await trustedWindowClosed();
    }
    await reset();
    await setLanguage("zh");
    assert.deepEqual(found, []);
  });

  scenario("a3. what a screen reader reads: the search, the result's fields, masked numbers, the map and Settings, named", async () => {
    await reset();
    await lookUp("u0001-rich");
    await waitText("chat-id", /u0001106268050147246701/);
    await $("map").waitForExist({ timeout: 15000 });
    const tree = screenReaderTree();
    reads(tree, "entry", "用户 ID");
    reads(tree, "push button", "查询");
    reads(tree, "push button", "设置");
    // The result's fields: each label, and the values beside them.
    reads(tree, null, "会话 ID");
    reads(tree, null, /u0001106268050147246701/);
    // A masked number's button says that it is masked, and what is shown.
    reads(tree, "push button", /^显示完整号码（当前已隐藏：138\*\*\*\*\d{4}）$/);
    // The map's text equivalent: where, in words and coordinates.
    reads(tree, null, /^地图：上海市浦东新区世纪大道100号（坐标 31\.\d+, 121\.\d+）$/);
    reads(tree, "push button", "放大");
    // Settings: its controls named (the demo's own fields are read-only text).
    await press("settings-open");
    await $("updates").waitForExist({ timeout: 15000 });
    const settings = screenReaderTree();
    reads(settings, "dialog", "设置");
    reads(settings, "entry", /^全局快捷键：查询剪贴板/);
    reads(settings, "check box", "登录时启动");
    reads(settings, "combo box", /^位置显示精度/);
    reads(settings, "push button", /新建配置$/);
    reads(settings, null, /^已安装版本 \d+\.\d+\.\d+$/);
    await press("settings-close");
  });

  scenario("a2. a day's loop with the keyboard alone: search, read, reveal, copy, back, Settings, a link's question", async () => {
    await reset();
    // Search.
    await browser.keys(["Control", "k"]);
    assert.equal(await focused(), "search-input");
    await browser.keys(["Control", "a"]);
    await typeText("u0001-rich");
    await browser.keys(["Enter"]);
    await waitText("chat-id", /u0001106268050147246701/);
    // What a screen reader says of it, once, politely.
    await waitText("announce-result", /^用户 张伟，最近会话 订单配送咨询，.+，2016-03-08 09:15（UTC\+8）$/);
    // Read on, to the masked number, and reveal it.
    await tabTo("user-phone-reveal");
    await browser.keys(["Enter"]);
    await waitText("user-phone-value", /^\d{11}$/);
    // The summary on the clipboard.
    await browser.keys(["Control", "Shift", "c"]);
    await waitFor(() => {
      try {
        return execFileSync("xclip", ["-o", "-selection", "clipboard"], { encoding: "utf8" }).includes("u0001-rich");
      } catch {
        return false;
      }
    }, "the summary on the clipboard");
    // Another user, then back.
    await browser.keys(["Control", "k"]);
    await browser.keys(["Control", "a"]);
    await typeText(EXAMPLE);
    await browser.keys(["Enter"]);
    await waitText("chat-id", /u0001106268050147246664/);
    await browser.keys(["Alt", "ArrowLeft"]);
    await waitText("chat-id", /u0001106268050147246701/);
    // An error is said at once (assertive), nothing politely.
    await browser.keys(["Control", "k"]);
    await browser.keys(["Control", "a"]);
    await typeText("u0001-nobody");
    await browser.keys(["Enter"]);
    await waitText("announce-error", /4040/);
    assert.equal(await text("announce-result"), "");
    await browser.keys(["Alt", "ArrowLeft"]);
    await waitText("chat-id", /u0001106268050147246701/);
    // Settings: in by Tab and Enter, out by Escape, the focus back on the search.
    await tabTo("settings-open", { back: true });
    await browser.keys(["Enter"]);
    await $("settings").waitForExist({ timeout: 15000 });
    await waitFor(async () => (await browser.execute(() => !!document.activeElement?.closest('[data-testid="settings"]'))), "the focus in Settings");
    await browser.keys(["Escape"]);
    await waitFor(async () => !(await $("settings").isExisting()), "Settings closed");
    assert.equal(await focused(), "search-input");
    // A link naming another profile asks first; the answer is given (no) with the keyboard.
    await secondLaunch("opconsole://lookup/u0001-rich?profile=other");
    await $("switch-confirm").waitForExist({ timeout: 15000 });
    assert.equal(await focused(), "switch-accept", "the question has the focus");
    await browser.keys(["Tab"]);
    assert.equal(await focused(), "switch-cancel");
    await browser.keys(["Enter"]);
    await waitFor(async () => !(await $("switch-confirm").isExisting()), "the question answered");
    assert.match(await text("chat-id"), /u0001106268050147246701/);
    await shot("a2-keyboard-walk");
  });

  scenario("a5. Settings holds still under the pointer: the sign preview arriving after an edit moves no button", async () => {
    await reset();
    await press("settings-open");
    await press("settings-new-profile");
    // Where Save is within the form (the dialog scrolls, the form moves with it).
    const saveAt = () =>
      browser.execute(() => {
        const save = document.querySelector('[data-testid="settings-save"]');
        return save.getBoundingClientRect().top - save.closest("form").getBoundingClientRect().top;
      });
    const preview = () => browser.execute(() => {
      const code = document.querySelector('[data-testid="settings-sign-preview"]');
      return code ? `${code.classList.contains("bad") ? "bad" : "ok"}:${code.textContent}` : "";
    });
    // The new profile's preview (a problem: no server yet, one line) arrives a moment later.
    await waitFor(async () => /^bad:./.test(await preview()), "the new profile's preview");
    const before = await saveAt();
    // A server, a client ID and the longest sample user: the preview is the material
    // signed, several lines long.
    await fill("settings-base-url", "https://op.example.com");
    await fill("settings-client-id", "c0ffee00c0ffee00c0ffee00c0ffee00");
    await fill("settings-sign-preview-user", "u".repeat(64));
    await waitFor(async () => new RegExp(`^ok:.*${"u".repeat(64)}`).test(await preview()), "the preview of the material signed");
    assert.equal(await saveAt(), before, "Save moved when the preview changed");
    await press("settings-close");
  });
});
