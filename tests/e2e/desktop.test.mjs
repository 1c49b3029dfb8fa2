// The console on the operator's desktop (#12): a link that starts it, a link given to a
// second launch, the global hotkey while the window is hidden, rebinding it (and a
// combination another app holds), back/forward/refresh, the summary on the clipboard,
// the reveal and its journal (axe-core over every screen: a11y.test.mjs).
import { describe } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  $,
  APP,
  EXAMPLE,
  XDG,
  browser,
  consoleLog,
  consolePid,
  fill,
  lookUp,
  openApp,
  press,
  scenario,
  secondLaunch,
  setClipboard,
  shot,
  start,
  text,
  waitFor,
  waitText,
  windowShown,
  withDriver,
} from "./harness.mjs";

withDriver();

// The desktop's caret settings, as GTK reads them (no XSETTINGS daemon under Xvfb): a quick
// blink (a frame each 200 ms), and blinking stops after 3 s without input (GTK's default: 10).
mkdirSync(join(XDG.XDG_CONFIG_HOME, "gtk-3.0"), { recursive: true });
writeFileSync(join(XDG.XDG_CONFIG_HOME, "gtk-3.0/settings.ini"), "[Settings]\ngtk-cursor-blink-time=400\ngtk-cursor-blink-timeout=3\n");

const RICH = "u0001-rich";

/** The CLIPBOARD selection's text; "" when no one holds it (xclip then fails). */
const readClipboard = (extra = []) => {
  try {
    return execFileSync("xclip", ["-o", "-selection", "clipboard", ...extra], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return "";
  }
};
/** The targets the CLIPBOARD selection's owner offers (what a clipboard manager sees). */
const clipboardTargets = () => readClipboard(["-t", "TARGETS"]).split("\n").filter(Boolean);
const pressKeys = (combination) => execFileSync("xdotool", ["key", "--clearmodifiers", combination]);
/** Frames presented to the console's windows over `seconds` (X DAMAGE, as the benchmark counts them). */
const framesOver = (seconds) =>
  Number(execFileSync("/usr/bin/python3", [new URL("../../bench/x11.py", import.meta.url).pathname, "frames", String(consolePid()), String(seconds)], { encoding: "utf8" }).trim());
/** AT-SPI's "a screen reader is on", as Orca sets it when it starts. */
const screenReader = (on) =>
  execFileSync("gdbus", ["call", "--session", "--dest", "org.a11y.Bus", "--object-path", "/org/a11y/bus", "--method", "org.freedesktop.DBus.Properties.Set", "org.a11y.Status", "ScreenReaderEnabled", `<${on}>`]);
/** How many times the console's log says the clipboard was asked to be looked up by the hotkey. */
const hotkeyLookupsLogged = () => consoleLog(XDG).split("look up the clipboard (Hotkey)").length - 1;

async function hideWindow() {
  await browser.keys(["Control", "w"]);
  await waitFor(() => !windowShown(), "the window hidden to the tray");
}

async function openSettings() {
  await press("settings-open");
  await $("hotkey-input").waitForExist({ timeout: 10000 });
  await browser.waitUntil(async () => (await $("hotkey-input").getValue()) !== "", { timeoutMsg: "desktop settings never loaded" });
}

async function saveDesktop({ hotkey, closeToTray, startAtLogin }) {
  if (hotkey !== undefined) {
    const input = await $("hotkey-input");
    await input.scrollIntoView({ block: "center" });
    await input.setValue(hotkey);
  }
  if (closeToTray !== undefined && (await $("close-to-tray").isSelected()) !== closeToTray) await press("close-to-tray");
  if (startAtLogin !== undefined && (await $("start-at-login").isSelected()) !== startAtLogin) await press("start-at-login");
  await press("desktop-save");
  await $("desktop-message").waitForExist({ timeout: 10000 });
  return text("desktop-message");
}

async function closeSettings() {
  await press("settings-close");
  await $("settings").waitForExist({ reverse: true, timeout: 5000 });
}

describe("Op Console on the desktop", () => {
  scenario("h. a link that starts the console is looked up once the page is ready", async () => {
    await openApp([`opconsole://lookup/${RICH}`]);
    // Hidden until the page is ready, then shown (painted) without being asked.
    await waitFor(windowShown, "the window shown once the page is ready");
    await waitText("chat-id", /u0001106268050147246701/);
    assert.equal(await $("search-input").getValue(), RICH);
    // The page reports the link's answer painted (the line the benchmark's cold link reads).
    const paintedLogged = () => consoleLog(XDG).split("the answer to a Link request was painted").length - 1;
    await waitFor(() => paintedLogged() >= 1, "the console's log of the link's answer painted");
  });

  scenario("i. a link given to a second launch lands in this window; bad links send nothing", async () => {
    await secondLaunch(`opconsole://lookup/${EXAMPLE}`);
    await waitText("chat-id", /u0001106268050147246664/);
    await secondLaunch("opconsole://lookup/bad<id");
    await waitText("desktop-notice", /链接中的用户 ID 无效：第 4 个字符“<”不允许/);
    await secondLaunch(`opconsole://lookup/${RICH}?profile=nowhere`);
    await waitText("desktop-notice", /链接要求使用配置“nowhere”，但这台电脑上没有该配置/);
    // Neither was looked up: the example user is still on screen.
    assert.match(await text("chat-id"), /u0001106268050147246664/);
    await press("desktop-notice-close");
  });

  scenario("j. the hotkey looks up the clipboard's user ID while the window is hidden", async () => {
    await openSettings();
    assert.equal(await saveDesktop({ closeToTray: true }), "已保存");
    await closeSettings();
    await hideWindow();
    await setClipboard(`请帮忙看一下用户 ${RICH}，他说订单没到`);
    pressKeys("ctrl+alt+u");
    await waitFor(windowShown, "the window shown by the hotkey");
    await waitText("chat-id", /u0001106268050147246701/);
    assert.equal(await $("search-input").getValue(), RICH);

    // Held down for a while, the combination is one press (the keyboard's auto-repeat
    // does not look up again and again): the hold, then an ordinary press, make two.
    const before = hotkeyLookupsLogged();
    execFileSync("xdotool", ["keydown", "ctrl+alt+u"]);
    execFileSync("sleep", ["1.5"]); // the hold itself, well past the auto-repeat's delay
    execFileSync("xdotool", ["keyup", "ctrl+alt+u"]);
    await setClipboard(EXAMPLE);
    pressKeys("ctrl+alt+u");
    await waitText("user-id", new RegExp(EXAMPLE));
    await waitFor(() => hotkeyLookupsLogged() >= before + 2, "the console's log of both presses");
    assert.equal(hotkeyLookupsLogged(), before + 2, "a held combination is one press");

    await hideWindow();
    await setClipboard("你好，请问有什么可以帮您？订单号见附件，谢谢您的耐心等待和理解");
    pressKeys("ctrl+alt+u");
    await waitFor(windowShown, "the window shown by the hotkey");
    await waitText("desktop-notice", /剪贴板中没有用户 ID（剪贴板内容开头：“你好，请问有什么可以帮您？订单号见附件，谢谢您的耐心等待和理解”）/);
    await press("desktop-notice-close");
  });

  scenario("k. the hotkey is rebound in Settings; a combination another app holds is refused", async () => {
    const grabber = start("python3", [new URL("./x11-grab.py", import.meta.url).pathname, "k"]);
    await new Promise((resolve) => grabber.stdout.once("data", resolve));
    await openSettings();
    assert.equal(
      await saveDesktop({ hotkey: "Ctrl+Alt+K" }),
      "组合键 Ctrl+Alt+K 已被其他程序占用，或桌面不允许使用。请换一个组合键；原来的快捷键保持不变。",
    );
    assert.equal(await saveDesktop({ hotkey: "Ctrl+Alt+" }), "“Ctrl+Alt+”不是有效的组合键。请写成修饰键加一个键，例如 Ctrl+Alt+U 或 Super+F9。");
    grabber.kill("SIGTERM");
    assert.equal(await saveDesktop({ hotkey: "Ctrl+Alt+J" }), "已保存");
    await closeSettings();
    await setClipboard(EXAMPLE);
    pressKeys("ctrl+alt+j");
    await waitText("chat-id", /u0001106268050147246664/);
    // Start at login: the desktop's autostart entry, written and removed.
    const autostart = join(XDG.HOME, ".config/autostart");
    const entries = () => (existsSync(autostart) ? readdirSync(autostart).filter((f) => f.endsWith(".desktop")) : []);
    assert.deepEqual(entries(), []);
    await openSettings();
    assert.equal(await saveDesktop({ startAtLogin: true }), "已保存");
    assert.equal(entries().length, 1);
    assert.match(readFileSync(join(autostart, entries()[0]), "utf8"), /^Exec=.*op-console/m);
    assert.equal(await saveDesktop({ startAtLogin: false }), "已保存");
    assert.deepEqual(entries(), []);
    await closeSettings();
    // Back to the default for the scenarios after this one.
    await openSettings();
    assert.equal(await saveDesktop({ hotkey: "Ctrl+Alt+U", closeToTray: false }), "已保存");
    await closeSettings();
  });

  scenario("l. back, forward and refresh; the summary's text; a revealed number masks itself again", async () => {
    await lookUp(RICH);
    await waitText("chat-id", /u0001106268050147246701/);
    await press("history-back");
    await waitText("chat-id", /u0001106268050147246664/);
    await press("history-forward");
    await waitText("chat-id", /u0001106268050147246701/);
    await browser.keys(["Alt", "ArrowLeft"]);
    await waitText("chat-id", /u0001106268050147246664/);
    await browser.keys(["Alt", "ArrowRight"]);
    await waitText("chat-id", /u0001106268050147246701/);
    await press("refresh");
    await waitText("fetched-age", /获取/);

    assert.match(await text("user-phone-value"), /^138\*{4}5678$/);
    await press("copy-summary");
    await browser.waitUntil(async () => readClipboard().includes("电话：138****5678"), { timeoutMsg: "the summary never reached the clipboard" });
    assert.equal(readClipboard(), SUMMARY_MASKED);
    // A masked summary is an ordinary copy: clipboard managers may keep it.
    assert.ok(clipboardTargets().includes("UTF8_STRING"), clipboardTargets().join(" "));
    assert.ok(!clipboardTargets().includes("x-kde-passwordManagerHint"), clipboardTargets().join(" "));
    // A copied revealed number leaves the clipboard after the time set (5 s here).
    await openSettings();
    await fill("clipboard-clear-seconds", "5");
    await press("desktop-save");
    await waitText("desktop-message", /已保存/);
    await closeSettings();
    await press("user-phone-reveal");
    await waitText("user-phone-value", /^13812345678$/);
    await press("copy-summary");
    await browser.waitUntil(async () => readClipboard().includes("电话：13812345678"), { timeoutMsg: "the revealed summary never reached the clipboard" });
    // Marked for clipboard managers to keep no history of it (KDE's hint, which they read).
    assert.ok(clipboardTargets().includes("x-kde-passwordManagerHint"), clipboardTargets().join(" "));
    assert.equal(readClipboard(["-t", "x-kde-passwordManagerHint"]), "secret");
    await browser.waitUntil(async () => readClipboard() === "", { timeout: 20000, timeoutMsg: "the revealed number stayed on the clipboard" });
    // The next lookup masks it again.
    await lookUp(RICH);
    await waitText("user-phone-value", /^138\*{4}5678$/);
    // The reveal left a trace IT can collect, without the number.
    const exported = (format) => execFileSync(APP, ["--export-reveals", "--format", format], { env: { ...process.env, ...XDG }, encoding: "utf8" });
    const journal = JSON.parse(exported("json"));
    assert.deepEqual(journal.map((e) => [e.profileId, e.userId, e.field, e.reason]), [["demo", RICH, "user", null]]);
    const csv = exported("csv");
    assert.match(csv, /^at,operatorId,profileId,userId,field,reason\n\d{4}-\d\d-\d\dT[^,]+,o0001b41cf9f36e5a42e2a5b539593981fe32,demo,u0001-rich,user,\n$/);
    assert.ok(!csv.includes("5678") && !JSON.stringify(journal).includes("5678"), "no number in the journal");
  });

  scenario("m. at rest the caret stops blinking, as in GTK's own fields, drawn, and a key starts it again", async () => {
    await press("search-input");
    // The field has the focus, and nothing else moves: each frame is the caret's blink.
    // With the desktop's timeout (3 s) gone by, the window paints nothing at all.
    await waitFor(() => framesOver(1) === 0, "a second without a frame, the caret at rest", 30000);
    assert.equal(framesOver(2), 0, "still at rest");
    // A key that moves the caret (Left: it types nothing) and it blinks again, then rests again.
    execFileSync("xdotool", ["key", "Left"]);
    assert.ok(framesOver(1.5) >= 3, "the caret blinks after a key");
    await waitFor(() => framesOver(1) === 0, "the caret at rest again", 30000);
    await shot("caret-at-rest");
    // Drawn steady, not left in a blink's dark half: made transparent, the screen changes.
    const screen = () => execFileSync("import", ["-window", "root", "png:-"], { timeout: 20000 });
    const drawn = screen();
    await browser.execute(() => (document.activeElement.style.caretColor = "transparent"));
    await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const hidden = screen();
    await browser.execute(() => (document.activeElement.style.caretColor = ""));
    assert.ok(!drawn.equals(hidden), "the caret at rest is drawn");

    // It is drawn by moving it one character and back, which a screen reader would read out:
    // with one on (AT-SPI's ScreenReaderEnabled), the caret is not moved.
    await browser.execute(() => document.addEventListener("selectionchange", () => (window.__caretMoves += 1), true));
    const movesAtRest = async () => {
      execFileSync("xdotool", ["key", "Left"]);
      assert.ok(framesOver(1.5) >= 3, "the caret blinks after a key");
      await browser.execute(() => (window.__caretMoves = 0));
      await waitFor(() => framesOver(1) === 0, "the caret at rest", 30000);
      return browser.execute(() => window.__caretMoves);
    };
    assert.ok((await movesAtRest()) > 0, "without a screen reader the caret is moved to be drawn");
    screenReader(true);
    try {
      assert.equal(await movesAtRest(), 0, "with a screen reader on, the caret stays where it is");
    } finally {
      screenReader(false);
    }
  });
});

/** op-sim's rich user as the summary puts it for a ticket (zh, phone masked), shared with the UI tests. */
const SUMMARY_MASKED = readFileSync(new URL("../../ui/tests/fixtures/summary-rich.zh.txt", import.meta.url), "utf8");
