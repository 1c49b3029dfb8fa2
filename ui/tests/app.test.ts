import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import App from "../src/App.svelte";
import type { ChatView, DataRules, DesktopSettings, DesktopView, PhoneField, PolicyKey, PolicyReport, UpdateStatus } from "../src/bindings";
import type { ShownError } from "../src/lib/errors";
import type { Command } from "../src/contract";
import fixtures from "./fixtures/views.json";
// op-sim's rich user as "copy summary" writes it (zh, phone masked); the e2e test reads it too.
import SUMMARY_RICH_ZH from "./fixtures/summary-rich.zh.txt?raw";
import { LOOKUP_PAINTED, LOOKUP_RENDERED } from "../src/lib/timing";
import { DEFAULT_KEYMAP, PAGE_START_GLOBAL } from "../src/contract";
import { rules } from "../src/lib/stores/rules.svelte";

const views = fixtures.views as unknown as Record<string, ChatView>;
/** The full numbers behind each view's masked ones, as the backend's reveal_phone gives them. */
const PHONES = fixtures.phones as unknown as Record<string, [PhoneField, string][]>;
const EXAMPLE = "u00012b2e588bd93843168dfb67ae12cc2ee9";
/** The backend's last answer, as its raw_answer command gives it (pretty, redacted). */
const RAW_ANSWER = '{\n  "code": 200,\n  "data": {\n    "chatId": "u0001106268050147246664"\n  }\n}';

type Handler = (args: Record<string, unknown>) => unknown | Promise<unknown>;
/** What the page may invoke: the backend's commands (generated), nothing of a plugin's. */
type Invoked = Command;

/** The backend as the page sees it; records every call. Lookups are numbered as the
    backend numbers them; a reveal gives the full number of that lookup's field. */
function backend(lookup: Handler, extra: Partial<Record<Invoked, Handler>> = {}) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  const lookedUp: string[] = [];
  const handlers: Partial<Record<Invoked, Handler>> = {
    list_profiles: () => fixtures.profiles,
    recent_lookups: () => [],
    credential_status: () => ({ hasToken: false, hasSecret: false, forOtherServer: false }),
    copy_text: () => null,
    ui_ready: () => null,
    moved_aside: () => [],
    raw_answer: () => RAW_ANSWER,
    // The backend answers a lookup with its number, its view and the recent list.
    lookup_chat: async (args) => {
      const chat = await lookup(args);
      lookedUp.push(args.userId as string);
      return { lookupId: lookedUp.length, chat, recent: [] };
    },
    reveal_phone: (args) => {
      const user = lookedUp[(args.lookupId as number) - 1];
      const field = JSON.stringify(args.field);
      return PHONES[user]?.find(([f]) => JSON.stringify(f) === field)?.[1] ?? null;
    },
    connect_desktop: () => null,
    show_tray: () => null,
    desktop_answer_painted: () => null,
    desktop_settings: () => desktopView(),
    policy_report: () => ({ path: "/etc/op-console/policy.json", present: false, entries: [], issues: [] }),
    ...extra,
  };
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    const handler = handlers[cmd as Invoked];
    if (!handler) throw { code: "internal", message: `unmocked ${cmd}` };
    return handler((args ?? {}) as Record<string, unknown>);
  });
  return calls;
}

type Request = import("../src/bindings").DesktopRequest;
/** The page's end of the backend's channel, as connect_desktop received it. */
async function desktopChannel(calls: { cmd: string; args: Record<string, unknown> }[]) {
  await waitFor(() => expect(calls.some((c) => c.cmd === "connect_desktop")).toBe(true));
  const channel = calls.filter((c) => c.cmd === "connect_desktop").at(-1)!.args.requests as { onmessage: (r: Request) => void };
  return (request: Request) => channel.onmessage(request);
}

const fail = (body: ShownError) => () => Promise.reject(body);
const lookups = (calls: { cmd: string; args: Record<string, unknown> }[]) => calls.filter((c) => c.cmd === "lookup_chat");

/** desktop_settings's answer: no policy unless `over` says otherwise. */
function desktopView(over: { settings?: Partial<DesktopSettings>; rules?: Partial<DataRules>; locked?: PolicyKey[]; keymap?: Record<string, string[]>; hotkeyRegistered?: boolean } = {}): DesktopView {
  const settings: DesktopSettings = {
    hotkey: "Ctrl+Alt+U",
    closeToTray: false,
    startAtLogin: false,
    keys: {},
    revealSeconds: null,
    revealReason: null,
    summaryIncludesPhone: null,
    clipboardClearSeconds: null,
    locationPrecision: null,
    ...over.settings,
  };
  const rules: DataRules = {
    phoneReveal: true,
    revealReason: false,
    revealSeconds: 30,
    summaryIncludesPhone: true,
    clipboardClearSeconds: 30,
    locationPrecision: "exact",
    rawAnswer: true,
    openInMap: true,
    ...over.rules,
  };
  return { settings, hotkeyRegistered: over.hotkeyRegistered ?? true, keymap: over.keymap ?? DEFAULT_KEYMAP, locked: over.locked ?? [], rules };
}

/** The demo and a profile of IT's: for switching. */
const TWO_PROFILES = {
  ...fixtures.profiles,
  profiles: [
    ...fixtures.profiles.profiles,
    { ...fixtures.profiles.profiles[0], isDemo: false, profile: { ...fixtures.profiles.profiles[0].profile, id: "prod", name: "Prod" } },
  ],
};

async function search(id: string) {
  const input = screen.getByTestId("search-input") as HTMLInputElement;
  await fireEvent.input(input, { target: { value: id } });
  await fireEvent.submit(input.closest("form")!);
}

describe("search", () => {
  it("is focused at start, Ctrl+K focuses it, Esc clears it", async () => {
    backend(() => views[EXAMPLE]);
    render(App);
    const input = screen.getByTestId("search-input") as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    screen.getByTestId("language-toggle").focus();
    await fireEvent.keyDown(window, { key: "k", ctrlKey: true });
    expect(document.activeElement).toBe(input);
    await fireEvent.input(input, { target: { value: "abc" } });
    await fireEvent.keyDown(input, { key: "Escape" });
    expect(input.value).toBe("");
  });

  it("once the profile is known: listens to the desktop, tells the backend it is ready, then builds the tray", async () => {
    const calls = backend(() => views[EXAMPLE]);
    render(App);
    await waitFor(() => expect(calls.map((c) => c.cmd)).toContain("show_tray"));
    const order = calls.map((c) => c.cmd);
    // A link that started the console is looked up while its window opens.
    expect(order.indexOf("list_profiles")).toBeLessThan(order.indexOf("connect_desktop"));
    expect(order.indexOf("connect_desktop")).toBeLessThan(order.indexOf("ui_ready"));
    expect(order.indexOf("ui_ready")).toBeLessThan(order.indexOf("show_tray"));
    expect(screen.getByTestId("profile-select")).toBeTruthy();
  });

  it("measures a lookup until its result is painted, keeping only the latest", async () => {
    performance.clearMeasures();
    backend(() => views[EXAMPLE]);
    render(App);
    const painted = () => performance.getEntriesByName(LOOKUP_PAINTED);
    await search(EXAMPLE);
    await waitFor(() => expect(painted()).toHaveLength(1));
    const first = painted()[0];
    await search("u0001-rich");
    await waitFor(() => expect(painted()[0].startTime).toBeGreaterThan(first.startTime));
    expect(painted()).toHaveLength(1);
    const rendered = performance.getEntriesByName(LOOKUP_RENDERED);
    expect(rendered).toHaveLength(1);
    expect(rendered[0].startTime).toBe(painted()[0].startTime);
    expect(painted()[0].duration).toBeGreaterThanOrEqual(rendered[0].duration);
  });

  it("invalid input gets its message and sends nothing", async () => {
    const calls = backend(() => views[EXAMPLE]);
    render(App);
    await search("u0001 <x>");
    expect(screen.getByTestId("search-problem").textContent).toContain("第 6 个字符");
    expect(calls.filter((c) => c.cmd === "lookup_chat")).toHaveLength(0);
  });

  it("a newer lookup wins over a slower earlier one", async () => {
    const pending: Record<string, (v: unknown) => void> = {};
    backend((args) => new Promise((resolve) => (pending[args.userId as string] = resolve)));
    render(App);
    await search(EXAMPLE);
    // Placeholders once the answer is slow.
    expect(await screen.findByTestId("loading")).toBeTruthy();
    await search("u0001-rich");
    pending["u0001-rich"](views["u0001-rich"]);
    await waitFor(() => expect(screen.getByTestId("chat-id").textContent).toContain(views["u0001-rich"].chatId!));
    pending[EXAMPLE](views[EXAMPLE]);
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByTestId("chat-id").textContent).toContain(views["u0001-rich"].chatId!);
  });
});

describe("the recent chat", () => {
  it("shows the spec's example field by field", async () => {
    backend(() => views[EXAMPLE]);
    render(App);
    await search(EXAMPLE);
    await screen.findByTestId("results");
    const text = (id: string) => (screen.getByTestId(id).textContent ?? "").trim();
    expect(text("chat-subtitle")).toBe("Get帮你搞定一切");
    expect(text("chat-id")).toContain("u0001106268050147246664");
    expect(text("chat-status")).toContain("5");
    expect(text("chat-status-label")).toBe("已结束 (demo)");
    expect(text("chat-created-time")).toBe("2015-09-15 16:54:18 (UTC+8)");
    expect(text("chat-operator")).toContain("o0001b41cf9f36e5a42e2a5b539593981fe32");
    expect(screen.getByTestId("chat-operator-me")).toBeTruthy();
    expect(text("chat-in-group")).toBe("我不在群组中");
    expect(text("chat-channel")).toContain("未知渠道");
    expect(text("chat-client")).toContain("Get iOS");
    expect(text("chat-client-type")).toBe("4");
    expect(text("chat-version")).toBe("—");
    expect(text("location-address")).toBe("北京市海淀区小清河路");
    expect(text("location-coords")).toBe("40.022480, 116.298600");
    expect(screen.getByTestId("map")).toBeTruthy();
    expect(text("user-id")).toContain(EXAMPLE);
    expect(text("user-service-count")).toBe("7");
    expect(screen.getByTestId("no-addresses")).toBeTruthy();
    expect(screen.getByTestId("no-contacts")).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\bnull\b|\bundefined\b/);
    // The raw view renders only when opened.
    expect(screen.queryByTestId("raw-json-text")).toBeNull();
    // Offered once the backend's rules allow it (they come after the window is shown).
    const raw = (await screen.findByTestId("raw-json")) as HTMLDetailsElement;
    raw.open = true;
    await fireEvent(raw, new Event("toggle"));
    expect((await screen.findByTestId("raw-json-text")).textContent).toContain('"chatId": "u0001106268050147246664"');
  });

  it("contact cards, tags and a phone revealed only on click", async () => {
    backend(() => views["u0001-rich"]);
    render(App);
    await search("u0001-rich");
    await screen.findByTestId("results");
    expect(screen.getAllByTestId("address-card")).toHaveLength(3);
    expect(screen.getAllByTestId("contact-card")).toHaveLength(2);
    expect(screen.getByTestId("user-tags").textContent).toContain("VIP");
    expect(screen.getByTestId("user-phone-value").textContent).toBe("138****5678");
    expect(document.body.textContent).not.toContain("13812345678");
    await fireEvent.click(screen.getByTestId("user-phone-reveal"));
    await waitFor(() => expect(screen.getByTestId("user-phone-value").textContent).toBe("13812345678"));
  });

  it("the next result starts with the phone masked and the raw view closed", async () => {
    // A fresh object per answer, as the backend's JSON is.
    backend(() => structuredClone(views["u0001-rich"]));
    render(App);
    await search("u0001-rich");
    await screen.findByTestId("results");
    await fireEvent.click(screen.getByTestId("user-phone-reveal"));
    await waitFor(() => expect(screen.getByTestId("user-phone-value").textContent).toBe("13812345678"));
    const raw = screen.getByTestId("raw-json") as HTMLDetailsElement;
    raw.open = true;
    await fireEvent(raw, new Event("toggle"));
    expect(await screen.findByTestId("raw-json-text")).toBeTruthy();
    await search("u0001-rich");
    await waitFor(() => expect(screen.queryByTestId("loading")).toBeNull());
    expect(screen.getByTestId("user-phone-value").textContent).toBe("138****5678");
    expect(screen.queryByTestId("raw-json-text")).toBeNull();
    expect(document.body.textContent).not.toContain("13812345678");
  });

  it("no location: a clear empty state", async () => {
    backend(() => views["u0001-nolocation"]);
    render(App);
    await search("u0001-nolocation");
    expect(await screen.findByTestId("location-empty")).toBeTruthy();
    expect(screen.queryByTestId("map")).toBeNull();
  });

  it("the hostile user's markup stays text and runs nothing", async () => {
    backend(() => views["u0001-hostile"]);
    render(App);
    await search("u0001-hostile");
    await screen.findByTestId("results");
    expect(screen.getByTestId("chat-subtitle").textContent).toContain('<img src=x onerror="window.__opConsolePwned=1">');
    expect(screen.getByTestId("user-name").textContent).toContain("<script>");
    const results = screen.getByTestId("results");
    expect(results.querySelectorAll("script, iframe, b, a[href^='javascript'], svg, img[onerror], [onload], [onerror]")).toHaveLength(0);
    expect(results.querySelectorAll("img").length).toBe(results.querySelectorAll("img.tile").length);
    expect((window as unknown as Record<string, unknown>).__opConsolePwned).toBeUndefined();
  });
});

describe("back, forward, refresh and the summary", () => {
  it("keeps this session's answers: Alt+← and Alt+→, the buttons, the age, F5 asks again", async () => {
    const calls = backend((args) => structuredClone(views[args.userId as string]));
    render(App);
    await search(EXAMPLE);
    await screen.findByTestId("results");
    await search("u0001-rich");
    await waitFor(() => expect(screen.getByTestId("user-name").textContent).toBe("张伟"));
    expect((screen.getByTestId("history-forward") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.keyDown(window, { key: "ArrowLeft", altKey: true });
    expect(screen.getByTestId("chat-id").textContent).toContain("u0001106268050147246664");
    expect((screen.getByTestId("search-input") as HTMLInputElement).value).toBe(EXAMPLE);
    expect(screen.getByTestId("fetched-age").textContent).toMatch(/获取$/);
    await fireEvent.click(screen.getByTestId("history-forward"));
    expect(screen.getByTestId("user-name").textContent).toBe("张伟");
    const before = calls.filter((c) => c.cmd === "lookup_chat").length;
    await fireEvent.keyDown(window, { key: "F5" });
    await waitFor(() => expect(calls.filter((c) => c.cmd === "lookup_chat")).toHaveLength(before + 1));
    expect(calls.at(-1)?.cmd === "lookup_chat" ? calls.at(-1)?.args.userId : "u0001-rich").toBe("u0001-rich");
    // Back and forward asked the backend nothing.
    expect(calls.filter((c) => c.cmd === "lookup_chat").map((c) => c.args.userId)).toEqual([EXAMPLE, "u0001-rich", "u0001-rich"]);
  });

  it("F5 under an error asks again for the lookup that failed, not the answer before it", async () => {
    const calls = backend((args) => {
      if (args.userId === "u0001-rich") return Promise.reject({ code: "connect", hasRawAnswer: false, lookupId: 9, recent: [] });
      return structuredClone(views[args.userId as string]);
    });
    render(App);
    await search(EXAMPLE);
    await screen.findByTestId("results");
    await search("u0001-rich");
    await screen.findByTestId("error-panel");
    await fireEvent.keyDown(window, { key: "F5" });
    await waitFor(() => expect(lookups(calls)).toHaveLength(3));
    expect(lookups(calls).map((c) => c.args.userId)).toEqual([EXAMPLE, "u0001-rich", "u0001-rich"]);
  });

  it("F5 under an error that is not a lookup's asks again for the answer on screen", async () => {
    const calls = backend((args) => structuredClone(views[args.userId as string]), {
      list_profiles: () => TWO_PROFILES,
      select_profile: () => Promise.reject({ code: "keyring_locked", hasRawAnswer: false }),
    });
    render(App);
    await search(EXAMPLE);
    await search("u0001-rich");
    await waitFor(() => expect(screen.getByTestId("user-name").textContent).toBe("张伟"));
    await fireEvent.keyDown(window, { key: "ArrowLeft", altKey: true });
    expect(screen.getByTestId("chat-id").textContent).toContain("u0001106268050147246664");
    // Switching the profile fails: its error is on screen, in front of the answer.
    await fireEvent.change(screen.getByTestId("profile-select"), { target: { value: "prod" } });
    await screen.findByTestId("error-panel");
    await fireEvent.keyDown(window, { key: "F5" });
    await waitFor(() => expect(lookups(calls)).toHaveLength(3));
    expect(lookups(calls).at(-1)?.args.userId).toBe(EXAMPLE);
  });

  it("switching profile forgets the answers of the old one", async () => {
    backend((args) => structuredClone(views[args.userId as string]), { list_profiles: () => TWO_PROFILES, select_profile: (args) => ({ ...TWO_PROFILES, selected: args.id }) });
    render(App);
    await search(EXAMPLE);
    await search("u0001-rich");
    await waitFor(() => expect((screen.getByTestId("history-back") as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.change(screen.getByTestId("profile-select"), { target: { value: "prod" } });
    await waitFor(() => expect(screen.queryByTestId("results")).toBeNull());
    await search(EXAMPLE);
    await screen.findByTestId("results");
    expect((screen.getByTestId("history-back") as HTMLButtonElement).disabled).toBe(true);
  });

  it("Ctrl+Shift+C copies the summary, in the UI's language, the phone masked; one with a revealed number is copied to be forgotten", async () => {
    const copied: string[] = [];
    const forgotten: string[] = [];
    backend(() => structuredClone(views["u0001-rich"]), {
      copy_text: (args) => {
        copied.push(args.text as string);
        if (args.forget) forgotten.push(args.text as string);
      },
    });
    render(App);
    await search("u0001-rich");
    await screen.findByTestId("results");
    await fireEvent.keyDown(window, { key: "C", ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).toBe(SUMMARY_RICH_ZH);
    await fireEvent.click(screen.getByTestId("user-phone-reveal"));
    await waitFor(() => expect(screen.getByTestId("user-phone-value").textContent).toBe("13812345678"));
    await fireEvent.click(screen.getByTestId("language-toggle"));
    await fireEvent.click(screen.getByTestId("copy-summary"));
    await waitFor(() => expect(copied).toHaveLength(2));
    expect(copied[1].split("\n")[0]).toBe("User: 张伟 (u0001-rich)");
    expect(copied[1]).toContain("Phone: 13812345678");
    expect(forgotten).toEqual([copied[1]]);
    // The revealed number's own copy button: forgotten too.
    await fireEvent.click(screen.getByTestId("user-phone-copy"));
    await waitFor(() => expect(forgotten).toEqual([copied[1], "13812345678"]));
  });
});

describe("phone numbers stay masked until revealed", () => {
  it("contact numbers too; each reveal lasts 30 s and ends with the next result; copy only after a reveal", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      backend(() => structuredClone(views["u0001-rich"]));
      render(App);
      await search("u0001-rich");
      await screen.findByTestId("results");
      const contacts = screen.getAllByTestId("contact-phone-value");
      expect(contacts.map((c) => c.textContent)).toEqual(["139****1111", "021****0000"]);
      expect(screen.queryAllByTestId("contact-phone-copy")).toHaveLength(0);
      await fireEvent.click(screen.getAllByTestId("contact-phone-reveal")[0]);
      await waitFor(() => expect(screen.getAllByTestId("contact-phone-value")[0].textContent).toBe("13900001111"));
      expect(screen.getAllByTestId("contact-phone-value")[1].textContent).toBe("021****0000");
      expect(screen.getAllByTestId("contact-phone-copy")).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(30_000);
      await waitFor(() => expect(screen.getAllByTestId("contact-phone-value")[0].textContent).toBe("139****1111"));
      await fireEvent.click(screen.getByTestId("user-phone-reveal"));
      await waitFor(() => expect(screen.getByTestId("user-phone-value").textContent).toBe("13812345678"));
      await search("u0001-rich");
      await waitFor(() => expect(screen.getByTestId("user-phone-value").textContent).toBe("138****5678"));
    } finally {
      vi.useRealTimers();
    }
  });

  it("the page never holds a number the operator did not reveal, and a reveal is asked for by lookup and field", async () => {
    const calls = backend(() => structuredClone(views["u0001-rich"]));
    render(App);
    await search("u0001-rich");
    await screen.findByTestId("results");
    expect(JSON.stringify(views["u0001-rich"])).not.toMatch(/13812345678|13900001111/);
    await fireEvent.click(screen.getAllByTestId("contact-phone-reveal")[1]);
    await waitFor(() => expect(screen.getAllByTestId("contact-phone-value")[1].textContent).toBe("021-55550000"));
    expect(calls.filter((c) => c.cmd === "reveal_phone").map((c) => c.args)).toEqual([{ lookupId: 1, field: { kind: "contact", index: 1 }, reason: null }]);
  });
});

describe("a result knows its lookup and its profile", () => {
  it("the raw view is the lookup's own, also after back and forward", async () => {
    const calls = backend((args) => structuredClone(views[args.userId as string]), { raw_answer: (args) => `the answer of lookup ${args.lookupId}` });
    render(App);
    await search(EXAMPLE);
    await screen.findByTestId("results");
    await search("u0001-rich");
    await waitFor(() => expect(screen.getByTestId("user-name").textContent).toBe("张伟"));
    await fireEvent.click(screen.getByTestId("history-back"));
    const raw = screen.getByTestId("raw-json") as HTMLDetailsElement;
    raw.open = true;
    await fireEvent(raw, new Event("toggle"));
    expect((await screen.findByTestId("raw-json-text")).textContent).toBe("the answer of lookup 1");
    expect(calls.filter((c) => c.cmd === "raw_answer").map((c) => c.args.lookupId)).toEqual([1]);
  });

  it("Settings' Use switches profile through the same path as the header: the old result goes", async () => {
    backend((args) => structuredClone(views[args.userId as string]), {
      list_profiles: () => TWO_PROFILES,
      select_profile: (args) => ({ ...TWO_PROFILES, selected: args.id }),
    });
    render(App);
    await search(EXAMPLE);
    await screen.findByTestId("results");
    await fireEvent.click(screen.getByTestId("settings-open"));
    await fireEvent.click(await screen.findByTestId("settings-profile-prod"));
    await fireEvent.click(await screen.findByTestId("settings-use"));
    await waitFor(() => expect(screen.queryByTestId("results")).toBeNull());
  });

  it("Settings' test connection is a lookup the recent list shows, answered or failed", async () => {
    let failing = false;
    let count = 0;
    backend(() => null, {
      lookup_chat: (args) => {
        count += 1;
        const recent = Array.from({ length: count }, (_, i) => ({ userId: `${args.userId}-${i}`, profileId: "demo", at: 1_700_000_000_000 - i, outcome: "ok" }));
        if (failing) return Promise.reject({ code: "connect", hasRawAnswer: false, lookupId: count, recent });
        return { lookupId: count, chat: structuredClone(views[EXAMPLE]), recent };
      },
    });
    render(App);
    await fireEvent.click(screen.getByTestId("settings-open"));
    await fireEvent.click(await screen.findByTestId("settings-test"));
    await waitFor(() => expect(screen.getAllByTestId("recent-item")).toHaveLength(1));
    failing = true;
    await fireEvent.click(screen.getByTestId("settings-test"));
    await waitFor(() => expect(screen.getAllByTestId("recent-item")).toHaveLength(2));
  });

  it("a recent list of the profile in use alone does not repeat it on each row; one row of another and every row says its own", async () => {
    let recent = [
      { userId: EXAMPLE, profileId: "demo", at: 1_700_000_000_000, outcome: "ok" },
      { userId: "u0001-rich", profileId: "demo", at: 1_699_999_000_000, outcome: "ok" },
    ];
    backend((args) => structuredClone(views[args.userId as string]), {
      list_profiles: () => TWO_PROFILES,
      recent_lookups: () => recent,
      lookup_chat: () => ({ lookupId: 1, chat: structuredClone(views[EXAMPLE]), recent }),
    });
    render(App);
    await waitFor(() => expect(screen.getAllByTestId("recent-item")).toHaveLength(2));
    expect(screen.queryAllByTestId("recent-profile")).toHaveLength(0);
    recent = [{ userId: EXAMPLE, profileId: "prod", at: 1_700_000_001_000, outcome: "ok" }, ...recent];
    await search(EXAMPLE);
    await waitFor(() => expect(screen.getAllByTestId("recent-profile").map((e) => e.textContent)).toEqual(["Prod", "Demo", "Demo"]));
  });

  it("a recent row says its profile, and one of another profile asks before switching", async () => {
    const recent = [
      { userId: "u0001-rich", profileId: "prod", at: 1_700_000_000_000, outcome: "ok" },
      { userId: "u0001-rich", profileId: "demo", at: 1_699_999_000_000, outcome: "ok" },
    ];
    const calls = backend((args) => structuredClone(views[args.userId as string]), {
      list_profiles: () => TWO_PROFILES,
      select_profile: (args) => ({ ...TWO_PROFILES, selected: args.id }),
      recent_lookups: () => recent,
    });
    render(App);
    await waitFor(() => expect(screen.getAllByTestId("recent-item")).toHaveLength(2));
    expect(screen.getAllByTestId("recent-profile").map((e) => e.textContent)).toEqual(["Prod", "Demo"]);
    await fireEvent.click(screen.getAllByTestId("recent-item")[0]);
    const question = await screen.findByTestId("switch-confirm");
    expect(question.textContent).toContain("这条记录属于配置“Prod”");
    expect(calls.some((c) => c.cmd === "lookup_chat")).toBe(false);
    await fireEvent.click(screen.getByTestId("switch-accept"));
    await waitFor(() => expect(calls.filter((c) => c.cmd === "lookup_chat")).toHaveLength(1));
    expect(calls.find((c) => c.cmd === "select_profile")?.args.id).toBe("prod");
    // The other row is the demo's, now not in use: it asks too.
    await fireEvent.click(screen.getAllByTestId("recent-item")[1]);
    expect((await screen.findByTestId("switch-confirm")).textContent).toContain("这条记录属于配置“Demo”");
  });
});

describe("keyboard", () => {
  it("shortcuts come from one keymap the operator can change or turn off: the handler, the sheet and the titles", async () => {
    const copied: string[] = [];
    const keymap = { ...DEFAULT_KEYMAP, focusSearch: ["Ctrl+L"], copySummary: [], refresh: ["F9"], showShortcuts: ["F1"] };
    backend(() => structuredClone(views["u0001-rich"]), {
      desktop_settings: () => desktopView({ settings: { hotkey: null, keys: keymap }, hotkeyRegistered: false, keymap }),
      copy_text: (args) => copied.push(args.text as string),
    });
    render(App);
    await search("u0001-rich");
    await screen.findByTestId("results");
    await waitFor(() => expect(screen.getByTestId("refresh").getAttribute("title")).toBe("F9"));
    expect(screen.getByTestId("copy-summary").getAttribute("title")).toBeNull();
    expect(screen.getByTestId("shortcuts-open").getAttribute("title")).toBe("F1");
    const input = screen.getByTestId("search-input");
    screen.getByTestId("language-toggle").focus();
    await fireEvent.keyDown(window, { key: "k", ctrlKey: true });
    expect(document.activeElement).not.toBe(input);
    await fireEvent.keyDown(window, { key: "l", ctrlKey: true });
    expect(document.activeElement).toBe(input);
    await fireEvent.keyDown(window, { key: "C", ctrlKey: true, shiftKey: true });
    expect(copied).toHaveLength(0);
    screen.getByTestId("language-toggle").focus();
    await fireEvent.keyDown(window, { key: "?" });
    expect(screen.queryByTestId("shortcuts")).toBeNull();
    await fireEvent.keyDown(window, { key: "F1" });
    const sheet = await screen.findByTestId("shortcuts");
    expect(sheet.textContent).toContain("Ctrl+L");
    expect(sheet.textContent).toContain("F9");
    expect(sheet.textContent).not.toContain("复制摘要");
  });

  it("? lists the shortcuts (not while typing), Esc closes the list", async () => {
    backend(() => views[EXAMPLE]);
    render(App);
    const input = screen.getByTestId("search-input");
    await fireEvent.keyDown(input, { key: "?" });
    expect(screen.queryByTestId("shortcuts")).toBeNull();
    screen.getByTestId("language-toggle").focus();
    await fireEvent.keyDown(window, { key: "?" });
    const sheet = await screen.findByTestId("shortcuts");
    expect(sheet.textContent).toContain("Ctrl+Shift+C");
    expect(sheet.textContent).toContain("复制摘要");
    expect(document.activeElement).toBe(screen.getByTestId("shortcuts-close"));
    await fireEvent.keyDown(sheet, { key: "Escape" });
    expect(screen.queryByTestId("shortcuts")).toBeNull();
    expect(document.activeElement).toBe(input);
  });
});

describe("start-up", () => {
  it("a file that could not be used is named in a banner, with where it went", async () => {
    backend(() => views[EXAMPLE], {
      moved_aside: () => [{ file: "/home/a/.config/com.opconsole.desktop/profiles.json", movedTo: "/home/a/.config/com.opconsole.desktop/profiles.json.bad-1764139200", reason: "corrupt" }],
    });
    render(App);
    const banner = await screen.findByTestId("moved-aside-banner");
    expect(banner.textContent).toContain("文件 /home/a/.config/com.opconsole.desktop/profiles.json 已损坏，已移到 /home/a/.config/com.opconsole.desktop/profiles.json.bad-1764139200 保留");
    await fireEvent.click(screen.getByTestId("moved-aside-dismiss"));
    expect(screen.queryByTestId("moved-aside-banner")).toBeNull();
  });
});

describe("start-up with what the window was made with", () => {
  const GLOBAL = PAGE_START_GLOBAL;
  const given = (profiles: unknown, request: Request | null = null) =>
    Object.defineProperty(window, GLOBAL, { value: { profiles, request }, configurable: true });
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>)[GLOBAL];
    sessionStorage.clear();
  });

  it("is ready with them before the backend answers list_profiles", async () => {
    given({ ...TWO_PROFILES, selected: "prod" });
    const calls = backend(() => views[EXAMPLE], { list_profiles: () => new Promise(() => {}) });
    render(App);
    await waitFor(() => expect(calls.some((c) => c.cmd === "ui_ready")).toBe(true));
    expect((screen.getByTestId("profile-select") as HTMLSelectElement).value).toBe("prod");
    expect(calls.some((c) => c.cmd === "connect_desktop")).toBe(true);
  });

  it("takes the backend's answer when it differs (an import at start landed since)", async () => {
    given(TWO_PROFILES);
    backend(() => views[EXAMPLE], { list_profiles: () => ({ ...TWO_PROFILES, selected: "prod" }) });
    render(App);
    await waitFor(() => expect((screen.getByTestId("profile-select") as HTMLSelectElement).value).toBe("prod"));
  });

  it("a link that started the console is looked up first, and the window shown with its answer on screen", async () => {
    given(TWO_PROFILES, { kind: "lookup", userId: EXAMPLE, profileId: null, source: "link" });
    let onScreenWhenShown: boolean | null = null;
    const calls = backend(() => views[EXAMPLE], {
      ui_ready: () => void (onScreenWhenShown = screen.queryByTestId("results") !== null),
    });
    render(App);
    await waitFor(() => expect(onScreenWhenShown).toBe(true));
    expect(lookups(calls).map((c) => c.args)).toEqual([{ userId: EXAMPLE, profileId: null }]);
    const order = calls.map((c) => c.cmd);
    expect(order.indexOf("lookup_chat")).toBeLessThan(order.indexOf("ui_ready"));
    // Taken: the backend does not send it again when the page listens.
    expect(calls.find((c) => c.cmd === "connect_desktop")!.args.tookStart).toBe(true);
    // Its answer is reported painted, with the page's clock at the paint.
    await waitFor(() => expect(calls.some((c) => c.cmd === "desktop_answer_painted" && c.args.source === "link")).toBe(true));
  });

  it("a slow answer does not hold the window: it is shown once placeholders would be", async () => {
    given(TWO_PROFILES, { kind: "lookup", userId: EXAMPLE, profileId: null, source: "link" });
    const calls = backend(() => new Promise(() => {}));
    render(App);
    await waitFor(() => expect(calls.some((c) => c.cmd === "ui_ready")).toBe(true));
    expect(lookups(calls)).toHaveLength(1);
    expect(screen.queryByTestId("results")).toBeNull();
    expect(screen.getByTestId("loading")).toBeTruthy();
  });

  it("a link naming another profile shows its question with the window", async () => {
    given(TWO_PROFILES, { kind: "lookup", userId: EXAMPLE, profileId: "prod", source: "link" });
    let askedWhenShown = false;
    const calls = backend(() => views[EXAMPLE], {
      ui_ready: () => void (askedWhenShown = screen.queryByTestId("switch-accept") !== null),
    });
    render(App);
    await waitFor(() => expect(calls.some((c) => c.cmd === "ui_ready")).toBe(true));
    expect(askedWhenShown).toBe(true);
    expect(lookups(calls)).toHaveLength(0);
    // The question keeps the focus its notice gave it.
    expect(document.activeElement).toBe(screen.getByTestId("switch-accept"));
  });

  it("a reload does not do what started the console again; the backend sends what the page did not take", async () => {
    given(TWO_PROFILES, { kind: "lookup", userId: EXAMPLE, profileId: null, source: "link" });
    sessionStorage.setItem("op-console.startRequestTaken", "1");
    const calls = backend(() => views[EXAMPLE]);
    render(App);
    await waitFor(() => expect(calls.some((c) => c.cmd === "ui_ready")).toBe(true));
    expect(lookups(calls)).toHaveLength(0);
    expect(calls.find((c) => c.cmd === "connect_desktop")!.args.tookStart).toBe(false);
  });

  it("does not let an answer asked for before a switch undo it", async () => {
    given(TWO_PROFILES);
    let answer: (view: unknown) => void = () => {};
    backend(() => views[EXAMPLE], {
      list_profiles: () => new Promise((resolve) => (answer = resolve)),
      select_profile: (args) => ({ ...TWO_PROFILES, selected: args.id }),
    });
    render(App);
    await fireEvent.change(await screen.findByTestId("profile-select"), { target: { value: "prod" } });
    await waitFor(() => expect((screen.getByTestId("profile-select") as HTMLSelectElement).value).toBe("prod"));
    answer(TWO_PROFILES);
    // The mocked backend answers through promises only: their handlers have all run
    // before the next task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((screen.getByTestId("profile-select") as HTMLSelectElement).value).toBe("prod");
  });
});

describe("an API that drifts", () => {
  it("a drifted answer shows its cards and a chip with the fields that could not be read", async () => {
    backend(() => views["u0001-drift-unreadable"]);
    render(App);
    await search("u0001-drift-unreadable");
    await screen.findByTestId("results");
    expect(screen.getByTestId("chat-subtitle").textContent).toBe("无法读取的字段");
    const chip = screen.getByTestId("warnings-chip");
    expect(chip.textContent).toBe(`${views["u0001-drift-unreadable"].warnings.length} 个字段无法读取`);
    const list = screen.getByTestId("warnings-list").textContent ?? "";
    expect(list).toContain("data.user.serviceCount：收到一个对象，已略过");
    expect(list).toContain("data.createTime：收到无法识别的文字，已略过");
  });

  it("a clean answer has no chip; swapped coordinates say so", async () => {
    backend((args) => views[args.userId as string]);
    render(App);
    await search(EXAMPLE);
    await screen.findByTestId("results");
    expect(screen.queryByTestId("warnings-chip")).toBeNull();
    await search("u0001-drift-swapped");
    await waitFor(() => expect(screen.getByTestId("warnings-list").textContent).toContain("纬度和经度被对调"));
    expect(screen.getByTestId("location-coords").textContent).toBe("40.022480, 116.298600");
  });

  it("a flood of list items and warnings shows what fits and counts the rest", async () => {
    backend((args) => views[args.userId as string]);
    render(App);
    await search("u0001-flood-lists");
    await screen.findByTestId("results");
    const lists = views["u0001-flood-lists"].user!;
    expect(lists.tags.length).toBe(50);
    expect(screen.getByTestId("user-tags-more").textContent).toBe(`另有 ${lists.tagsLeftOut} 个`);
    await search("u0001-flood-warnings");
    await waitFor(() => expect(screen.queryByTestId("warnings-more")).not.toBeNull());
    const flooded = views["u0001-flood-warnings"];
    expect(screen.getByTestId("warnings-chip").textContent).toBe(`${flooded.warnings.length + flooded.warningsLeftOut} 个字段无法读取`);
    expect(screen.getByTestId("warnings-more").textContent).toBe(`另有 ${flooded.warningsLeftOut} 条未列出`);
    expect(screen.getAllByTestId("contact-card").length).toBe(50);
    expect(screen.getByTestId("contacts-more").textContent).toBe(`另有 ${flooded.user!.contactsLeftOut} 个联系人未显示`);
  });

  it("text that could not be read shows the replacement character and says so", async () => {
    backend((args) => views[args.userId as string]);
    render(App);
    await search("u0001-drift-emoji-cut");
    await screen.findByTestId("results");
    expect(screen.getByTestId("user-name").textContent).toContain("小明\uFFFD");
    expect(screen.getByTestId("warnings-list").textContent).toContain("data.user.nickName：含有无法识别的字符");
  });

  it("times show in the API's zone, labelled, with a switch to local time", async () => {
    backend(() => views[EXAMPLE]);
    render(App);
    await search(EXAMPLE);
    await screen.findByTestId("results");
    expect(screen.getByTestId("chat-created-time").textContent).toBe("2015-09-15 16:54:18 (UTC+8)");
    await fireEvent.click(screen.getByTestId("time-zone-toggle"));
    expect(screen.getByTestId("chat-created-time").textContent).toMatch(/^2015-09-1[56] \d\d:54:18 \(本机时间\)$/);
    expect(localStorage.getItem("op-console.localTime")).toBe("1");
  });

  it("an error with an answer offers the raw answer, fetched only when opened", async () => {
    const calls = backend(fail({ code: "decode", hasRawAnswer: true, path: "", lookupId: 7, recent: [] }));
    render(App);
    await search(EXAMPLE);
    await screen.findByTestId("error-panel");
    expect(calls.some((c) => c.cmd === "raw_answer")).toBe(false);
    const raw = screen.getByTestId("error-raw") as HTMLDetailsElement;
    raw.open = true;
    await fireEvent(raw, new Event("toggle"));
    expect((await screen.findByTestId("error-raw-text")).textContent).toBe(RAW_ANSWER);
    // That lookup's own answer, whatever lookup the backend made since.
    expect(calls.filter((c) => c.cmd === "raw_answer").map((c) => c.args.lookupId)).toEqual([7]);
  });

  it("an error without an answer offers none", async () => {
    backend(fail({ code: "connect", hasRawAnswer: false }));
    render(App);
    await search(EXAMPLE);
    await screen.findByTestId("error-panel");
    expect(screen.queryByTestId("error-raw")).toBeNull();
  });
});

describe("states", () => {
  const cases: [ShownError, RegExp, string | null][] = [
    [{ code: "no_chat", hasRawAnswer: false }, /该用户最近没有会话/, null],
    [{ code: "timeout", hasRawAnswer: false, afterMs: 15000 }, /15 秒内没有响应/, "error-retry"],
    [{ code: "api", hasRawAnswer: true, status: null, apiCode: "4003", apiMessage: "token 无效或已过期" }, /代码 4003.*token 无效或已过期/, "error-settings"],
    [{ code: "keyring_locked", hasRawAnswer: false }, /钥匙串已锁定.*解锁/, "error-retry"],
    [{ code: "keyring_unavailable", hasRawAnswer: false }, /钥匙串不可用/, "error-retry"],
    [{ code: "not_configured", hasRawAnswer: false, problem: { kind: "noCredentials" } }, /保存令牌和签名密钥/, "error-settings"],
    [{ code: "not_configured", hasRawAnswer: false, problem: { kind: "noSecret" } }, /没有保存签名密钥/, "error-settings"],
    [{ code: "http_status", hasRawAnswer: false, status: 500 }, /HTTP 500/, "error-retry"],
    [{ code: "decode", hasRawAnswer: false, path: "data.location.lat" }, /data\.location\.lat/, null],
    // A code from a newer backend than this page, or Tauri's own failure.
    [{ code: "something_new", message: "" } as unknown as ShownError, /意外错误/, "error-retry"],
    [{ code: "internal", message: "command lookup_chat not found" }, /意外错误/, "error-retry"],
  ];
  for (const [body, sentence, button] of cases) {
    it(`${body.code}: its own sentence and next step`, async () => {
      backend(fail(body));
      render(App);
      await search(EXAMPLE);
      const panel = await screen.findByTestId("error-panel");
      expect(panel.textContent).toMatch(sentence);
      expect(panel.textContent).not.toMatch(/\bnull\b|\bundefined\b/);
      if (button) expect(screen.getByTestId(button)).toBeTruthy();
      // Said at once, assertively; nothing said politely.
      await waitFor(() => expect(screen.getByTestId("announce-error").textContent).toMatch(sentence));
      expect(screen.getByTestId("announce-result").textContent).toBe("");
    });
  }

  it("a result is announced once, in one sentence, politely; the page is no live region of its own", async () => {
    backend(() => views[EXAMPLE]);
    render(App);
    await search(EXAMPLE);
    await screen.findByTestId("chat-card");
    const said = screen.getByTestId("announce-result");
    expect(said.closest("[aria-live]")!.getAttribute("aria-live")).toBe("polite");
    await waitFor(() => expect(said.textContent).toMatch(/^用户 .+，最近会话 .+，\d{4}-\d{2}-\d{2} \d{2}:\d{2}（UTC\+8）$|^用户 .+，最近会话 .+，.+，\d{4}-\d{2}-\d{2} \d{2}:\d{2}（UTC\+8）$/));
    expect(said.textContent).not.toMatch(/null|undefined/);
    expect(screen.getByTestId("announce-error").textContent).toBe("");
    expect(document.querySelectorAll("[aria-live]").length).toBeLessThanOrEqual(4);
    expect(document.querySelector("main")!.hasAttribute("aria-live")).toBe(false);
  });

  it("retry looks the same user up again", async () => {
    let n = 0;
    backend(() => (++n === 1 ? Promise.reject({ code: "timeout", hasRawAnswer: false, afterMs: 5000 }) : views[EXAMPLE]));
    render(App);
    await search(EXAMPLE);
    await fireEvent.click(await screen.findByTestId("error-retry"));
    expect(await screen.findByTestId("results")).toBeTruthy();
  });

  it("English on request", async () => {
    backend(fail({ code: "no_chat", hasRawAnswer: false }));
    render(App);
    await fireEvent.click(screen.getByTestId("language-toggle"));
    await search(EXAMPLE);
    expect((await screen.findByTestId("error-panel")).textContent).toContain("This user has no recent chat.");
  });
});

describe("settings", () => {
  it("the demo is marked and read-only; a new profile saves; credentials are never typed in this page", async () => {
    const calls = backend(() => views[EXAMPLE], {
      save_profile: (args) => ({ kind: "saved", view: { profile: { ...(args.profile as object), id: "profile-1" }, isDemo: false, warnings: ["insecureBaseUrl"] } }),
      list_profiles: () => ({
        selected: "demo",
        profiles: [
          ...fixtures.profiles.profiles,
          ...(calls.some((c) => c.cmd === "save_profile")
            ? [{ profile: { ...fixtures.profiles.profiles[0].profile, id: "profile-1", name: "Staging", tiles: null }, isDemo: false, warnings: ["insecureBaseUrl"] }]
            : []),
        ],
      }),
      request_credentials: () => 4,
    });
    render(App);
    const send = await desktopChannel(calls);
    expect(await screen.findByTestId("demo-badge")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("settings-open"));
    expect(await screen.findByTestId("settings-demo-note")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("settings-new-profile"));
    await fireEvent.input(screen.getByTestId("settings-name"), { target: { value: "Staging" } });
    await fireEvent.input(screen.getByTestId("settings-base-url"), { target: { value: "http://op.example.com" } });
    await fireEvent.input(screen.getByTestId("settings-client-id"), { target: { value: "c0ffee" } });
    await fireEvent.submit(screen.getByTestId("settings-save").closest("form")!);
    await waitFor(() => expect(screen.getByTestId("settings-warning").textContent).toContain("明文 http"));
    // No field here takes a credential: the trusted window does, where this page cannot read.
    expect(document.querySelectorAll("input[type=password]")).toHaveLength(0);
    await fireEvent.click(await screen.findByTestId("settings-enter-credentials"));
    await waitFor(() => expect(screen.getByTestId("settings-message").textContent).toContain("弹出的"));
    expect(calls.find((c) => c.cmd === "request_credentials")!.args).toEqual({ profileId: "profile-1" });
    // The operator saved them there: this page learns their state only.
    send({ kind: "approvalAnswered", answer: { kind: "credentials", profileId: "profile-1", status: { hasToken: true, hasSecret: true, forOtherServer: false } } });
    await waitFor(() => expect(screen.getByTestId("settings-token-state").textContent).toBe("已保存"));
    expect(screen.getByTestId("settings-secret-state").textContent).toBe("已保存");
  });

  it("Settings takes the focus when it opens, keeps Tab inside, and gives it to the search when it closes", async () => {
    backend(() => views[EXAMPLE]);
    render(App);
    await screen.findByTestId("demo-badge");
    const opener = screen.getByTestId("settings-open");
    opener.focus();
    await fireEvent.click(opener);
    const dialog = await screen.findByTestId("settings");
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    // Shift+Tab from the dialog's start goes round to its end, not behind it.
    await fireEvent.keyDown(document.activeElement!, { key: "Tab", shiftKey: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
    await fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("settings")).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId("search-input"));
  });

  it("the CA file is chosen with the system's file dialog, or typed; a cancelled dialog changes nothing", async () => {
    let chosen: string | null = "/etc/ssl/corp/ca.pem";
    const calls = backend(() => views[EXAMPLE], {
      choose_ca_file: () => chosen,
      save_profile: (args) => ({ kind: "saved", view: { profile: { ...(args.profile as object), id: "profile-1" }, isDemo: false, warnings: [] } }),
    });
    render(App);
    await screen.findByTestId("demo-badge");
    await fireEvent.click(screen.getByTestId("settings-open"));
    await fireEvent.click(await screen.findByTestId("settings-new-profile"));
    await fireEvent.click(screen.getByTestId("settings-ca-file-choose"));
    await waitFor(() => expect((screen.getByTestId("settings-ca-file") as HTMLInputElement).value).toBe("/etc/ssl/corp/ca.pem"));
    chosen = null;
    await fireEvent.click(screen.getByTestId("settings-ca-file-choose"));
    await waitFor(() => expect(calls.filter((c) => c.cmd === "choose_ca_file")).toHaveLength(2));
    expect((screen.getByTestId("settings-ca-file") as HTMLInputElement).value).toBe("/etc/ssl/corp/ca.pem");
    // The field is labelled, and the button says what it does.
    expect(screen.getByLabelText("附加 CA 证书文件（PEM）")).toBe(screen.getByTestId("settings-ca-file"));
  });

  it("every sign rule option can be set, with a live preview computed by the backend", async () => {
    const previews: Record<string, unknown>[] = [];
    backend(() => views[EXAMPLE], {
      sign_preview: (args) => {
        previews.push(args);
        const rule = (args.profile as { signRule: { scheme: string; hex?: string | null } }).signRule;
        return `${rule.scheme}/${rule.hex ?? "default"}/${args.userId}/***`;
      },
    });
    render(App);
    await screen.findByTestId("demo-badge");
    await fireEvent.click(screen.getByTestId("settings-open"));
    await fireEvent.click(await screen.findByTestId("settings-new-profile"));
    await waitFor(() => expect(screen.getByTestId("settings-sign-preview").textContent).toBe("bodyMd5/default/u00012b2e588bd93843168dfb67ae12cc2ee9/***"));
    await fireEvent.change(screen.getByTestId("settings-sign-rule"), { target: { value: "alipay" } });
    await fireEvent.change(screen.getByTestId("settings-sign-hex"), { target: { value: "upper" } });
    await fireEvent.input(screen.getByTestId("settings-sign-body-param"), { target: { value: "payload" } });
    await fireEvent.click(screen.getByTestId("settings-sign-stamp-on"));
    await fireEvent.input(screen.getByTestId("settings-sign-preview-user"), { target: { value: "u0001-rich" } });
    await waitFor(() => expect(screen.getByTestId("settings-sign-preview").textContent).toBe("alipay/upper/u0001-rich/***"));
    const rule = (previews.at(-1)!.profile as { signRule: Record<string, unknown> }).signRule;
    expect(rule).toEqual({ scheme: "alipay", hex: "upper", bodyParam: "payload", stamp: { name: "timestamp", format: "unixSeconds" } });
  });

  it("an import that moves data waits for the operator's yes in the trusted window", async () => {
    const file = JSON.stringify({ profiles: [{ id: "prod", name: "Prod", baseUrl: "https://elsewhere.example.com", clientId: "c" }] });
    const calls = backend(() => views[EXAMPLE], { import_profiles: () => ({ kind: "needsApproval", requestId: 2 }) });
    render(App);
    const send = await desktopChannel(calls);
    await screen.findByTestId("demo-badge");
    await fireEvent.click(screen.getByTestId("settings-open"));
    const input = (await screen.findByTestId("settings-import")) as HTMLInputElement;
    await fireEvent.change(input, { target: { files: [new File([file], "profiles.json", { type: "application/json" })] } });
    await waitFor(() => expect(screen.getByTestId("settings-message").textContent).toContain("请在弹出的“Op Console”窗口中确认"));
    expect(calls.find((c) => c.cmd === "import_profiles")!.args).toEqual({ text: file });
    send({ kind: "approvalAnswered", answer: { kind: "changes", applied: false, profiles: 0 } });
    await waitFor(() => expect(screen.getByTestId("settings-message").textContent).toBe("没有导入：更改未被确认。"));
    send({ kind: "approvalAnswered", answer: { kind: "changes", applied: true, profiles: 1 } });
    await waitFor(() => expect(screen.getByTestId("settings-message").textContent).toBe("已导入 1 个配置"));
  });
});

describe("requests from the desktop (hotkey, links, tray)", () => {

  const withProd = () => {
    const demo = fixtures.profiles.profiles[0];
    const prod = { ...demo, isDemo: false, profile: { ...demo.profile, id: "prod", name: "生产" } };
    return { selected: "demo", profiles: [demo, prod] };
  };

  it("connects once the profiles are known; the tray has the page's words, again after a language switch", async () => {
    const calls = backend(() => views[EXAMPLE]);
    render(App);
    await desktopChannel(calls);
    const order = calls.map((c) => c.cmd);
    expect(order.indexOf("list_profiles")).toBeLessThan(order.indexOf("connect_desktop"));
    const trays = () => calls.filter((c) => c.cmd === "show_tray").map((c) => c.args.labels);
    await waitFor(() => expect(trays()).toEqual([{ show: "显示 Op 客服控制台", lookUpClipboard: "查询剪贴板中的用户", quit: "退出" }]));
    await fireEvent.click(screen.getByTestId("language-toggle"));
    await waitFor(() => expect(trays().at(-1)).toEqual({ show: "Show Op Console", lookUpClipboard: "Look up the clipboard", quit: "Quit" }));
    // The channel is not opened again: a request in between would be lost.
    expect(calls.filter((c) => c.cmd === "connect_desktop")).toHaveLength(1);
    await fireEvent.click(screen.getByTestId("language-toggle"));
  });

  it("a hotkey's user ID is looked up and shown", async () => {
    const calls = backend(() => views[EXAMPLE]);
    render(App);
    const send = await desktopChannel(calls);
    send({ kind: "lookup", userId: EXAMPLE, profileId: null, source: "hotkey" });
    await screen.findByTestId("results");
    expect(lookups(calls).map((c) => c.args)).toEqual([{ userId: EXAMPLE, profileId: null }]);
    expect((screen.getByTestId("search-input") as HTMLInputElement).value).toBe(EXAMPLE);
  });

  it("a desktop request's answer, once painted, is reported with its source; the operator's own lookup is not", async () => {
    const calls = backend((args) => (args.userId === EXAMPLE ? views[EXAMPLE] : Promise.reject({ code: "user_not_found" })));
    render(App);
    const send = await desktopChannel(calls);
    // Sources the other tests do not send: a paint of theirs may still come in this one.
    const reports = () => calls.filter((c) => c.cmd === "desktop_answer_painted" && ["commandLine", "tray"].includes(c.args.source as string));
    const painted = () => reports().map((c) => c.args.source);
    const sent = Date.now();
    send({ kind: "lookup", userId: EXAMPLE, profileId: null, source: "commandLine" });
    await waitFor(() => expect(painted()).toEqual(["commandLine"]));
    // When it was painted, by the page's clock (not when the report arrives).
    const paintedAt = reports()[0].args.paintedAt as number;
    expect(paintedAt).toBeGreaterThanOrEqual(sent);
    expect(paintedAt).toBeLessThanOrEqual(Date.now());
    // An error is an answer too.
    send({ kind: "lookup", userId: "u-unknown", profileId: null, source: "tray" });
    await waitFor(() => expect(painted()).toEqual(["commandLine", "tray"]));
    const reported = calls.filter((c) => c.cmd === "desktop_answer_painted").length;
    performance.clearMeasures(LOOKUP_PAINTED);
    await search(EXAMPLE);
    await waitFor(() => expect(performance.getEntriesByName(LOOKUP_PAINTED)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lookups(calls)).toHaveLength(3);
    expect(calls.filter((c) => c.cmd === "desktop_answer_painted")).toHaveLength(reported);
  });

  it("no ID on the clipboard and a bad link are said, and nothing is sent", async () => {
    const calls = backend(() => views[EXAMPLE]);
    render(App);
    const send = await desktopChannel(calls);
    send({ kind: "noUserIdOnClipboard", seen: "你好，请问有什么可以帮您？" });
    expect((await screen.findByTestId("desktop-notice")).textContent).toContain("剪贴板中没有用户 ID（剪贴板内容开头：“你好，请问有什么可以帮您？”）");
    send({ kind: "noUserIdOnClipboard", seen: "" });
    await waitFor(() => expect(screen.getByTestId("desktop-notice").textContent).toContain("剪贴板是空的"));
    send({ kind: "badLink", problem: { kind: "badUserId", problem: { kind: "badCharacter", character: "<", position: 3 } } });
    await waitFor(() => expect(screen.getByTestId("desktop-notice").textContent).toContain("链接中的用户 ID 无效：第 3 个字符“<”不允许"));
    expect(screen.getByTestId("desktop-notice").textContent).toContain("未发送任何请求");
    await fireEvent.click(screen.getByTestId("desktop-notice-close"));
    expect(screen.queryByTestId("desktop-notice")).toBeNull();
    expect(lookups(calls)).toHaveLength(0);
  });

  it("a link naming another profile asks before switching; one naming an unknown profile is refused", async () => {
    let selected = "demo";
    const calls = backend(() => views[EXAMPLE], {
      list_profiles: () => ({ ...withProd(), selected }),
      select_profile: (args) => {
        selected = String(args.id);
        return { ...withProd(), selected };
      },
    });
    render(App);
    const send = await desktopChannel(calls);
    send({ kind: "lookup", userId: EXAMPLE, profileId: "prod", source: "link" });
    expect((await screen.findByTestId("switch-confirm")).textContent).toContain(`链接要求在配置“生产”中查询 ${EXAMPLE}`);
    expect(document.activeElement).toBe(screen.getByTestId("switch-accept"));
    await fireEvent.click(screen.getByTestId("switch-cancel"));
    expect(lookups(calls)).toHaveLength(0);
    expect(calls.some((c) => c.cmd === "select_profile")).toBe(false);

    send({ kind: "lookup", userId: EXAMPLE, profileId: "prod", source: "link" });
    await fireEvent.click(await screen.findByTestId("switch-accept"));
    await screen.findByTestId("results");
    const order = calls.map((c) => c.cmd);
    expect(order.indexOf("select_profile")).toBeLessThan(order.indexOf("lookup_chat"));

    send({ kind: "lookup", userId: EXAMPLE, profileId: "staging", source: "link" });
    expect((await screen.findByTestId("desktop-notice")).textContent).toContain("链接要求使用配置“staging”，但这台电脑上没有该配置");
    expect(lookups(calls)).toHaveLength(1);
  });

  it("Ctrl+W does what the window's close button does", async () => {
    const calls = backend(() => views[EXAMPLE], { close_window: () => null });
    render(App);
    await fireEvent.keyDown(window, { key: "w", ctrlKey: true });
    await waitFor(() => expect(calls.some((c) => c.cmd === "close_window")).toBe(true));
  });

  it("Settings rebinds the hotkey; a taken combination says so and keeps the old one", async () => {
    const calls = backend(() => views[EXAMPLE], {
      save_desktop_settings: (args) => {
        const settings = args.settings as { hotkey: string | null };
        if (settings.hotkey === "Ctrl+Alt+J") return Promise.reject({ code: "hotkey_taken", hasRawAnswer: false, combination: "Ctrl+Alt+J" });
        return desktopView({ settings });
      },
    });
    render(App);
    await screen.findByTestId("demo-badge");
    await fireEvent.click(screen.getByTestId("settings-open"));
    const input = (await screen.findByTestId("hotkey-input")) as HTMLInputElement;
    await waitFor(() => expect(input.value).toBe("Ctrl+Alt+U"));
    await fireEvent.input(input, { target: { value: "Ctrl+Alt+J" } });
    await fireEvent.click(screen.getByTestId("desktop-save"));
    expect((await screen.findByTestId("desktop-message")).textContent).toBe("组合键 Ctrl+Alt+J 已被其他程序占用，或桌面不允许使用。请换一个组合键；原来的快捷键保持不变。");
    await fireEvent.input(input, { target: { value: " Ctrl+Shift+F9 " } });
    await fireEvent.click(screen.getByTestId("close-to-tray"));
    await fireEvent.click(screen.getByTestId("desktop-save"));
    await waitFor(() => expect(screen.getByTestId("desktop-message").textContent).toBe("已保存"));
    expect(calls.filter((c) => c.cmd === "save_desktop_settings").at(-1)!.args.settings).toEqual({
      ...desktopView().settings,
      hotkey: "Ctrl+Shift+F9",
      closeToTray: true,
      keys: DEFAULT_KEYMAP,
    });
  });
});

describe("long texts from the server", () => {
  it("a 20,000-character nickname takes two lines, whole in its tooltip and on keyboard focus", async () => {
    const nickname = "长".repeat(20_000);
    const rich = views["u0001-rich"];
    backend(() => ({ ...rich, user: { ...rich.user!, displayName: nickname } }));
    render(App);
    await search("u0001-rich");
    const name = (await screen.findByTestId("user-name")).querySelector(".clamp") as HTMLElement;
    expect(name.textContent).toBe(nickname);
    expect(name.classList.contains("long")).toBe(true);
    expect(name.tabIndex).toBe(0);
    expect(name.title).toBe("长".repeat(1000));
    // A short text is no tab stop.
    const chatId = screen.getByTestId("chat-id").querySelector(".clamp") as HTMLElement;
    expect(chatId.hasAttribute("tabindex")).toBe(false);
  });
});

describe("one call per lookup", () => {
  it("the recent list comes with the answer and with a lookup's failure; only a failure of another kind asks for it again", async () => {
    const recent = [{ userId: EXAMPLE, profileId: "demo", at: Date.now(), outcome: "ok" }];
    const failed = [{ userId: "u0001-nochat", profileId: "demo", at: Date.now(), outcome: "failed" }, ...recent];
    let fail: "no" | "lookup" | "other" = "no";
    const calls = backend(() => views[EXAMPLE], {
      lookup_chat: () => {
        if (fail === "lookup") return Promise.reject({ code: "no_chat", hasRawAnswer: false, lookupId: 2, recent: failed });
        if (fail === "other") return Promise.reject({ code: "no_chat", hasRawAnswer: false });
        return { lookupId: 1, chat: views[EXAMPLE], recent };
      },
    });
    render(App);
    await waitFor(() => expect(calls.some((c) => c.cmd === "ui_ready")).toBe(true));
    const asked = () => calls.filter((c) => c.cmd === "recent_lookups").length;
    const atStart = asked();
    await search(EXAMPLE);
    await screen.findByTestId("results");
    expect(screen.getAllByTestId("recent-item")).toHaveLength(1);
    expect(asked()).toBe(atStart);
    fail = "lookup";
    await search("u0001-nochat");
    await screen.findByTestId("error-panel");
    await waitFor(() => expect(screen.getAllByTestId("recent-item")).toHaveLength(2));
    expect(asked()).toBe(atStart);
    // A failure without the list (Tauri's own, an older backend): the list is asked for.
    fail = "other";
    await search("u0001-nochat2");
    await waitFor(() => expect(asked()).toBe(atStart + 1));
  });
});

describe("IT's policy", () => {
  const managedView = () => {
    const demo = fixtures.profiles.profiles[0];
    const prod = { ...demo, isDemo: false, managed: true, profile: { ...demo.profile, id: "prod", name: "生产" } };
    return { ...fixtures.profiles, selected: "prod", profiles: [prod], ownAllowed: false, importsAllowed: false };
  };

  it("no reveal, no raw view, no map site and no phone in the summary when IT says so", async () => {
    const copied: string[] = [];
    const calls = backend(() => structuredClone(views["u0001-rich"]), {
      desktop_settings: () => desktopView({ rules: { phoneReveal: false, rawAnswer: false, summaryIncludesPhone: false, openInMap: false } }),
      copy_text: (args) => copied.push(args.text as string),
    });
    render(App);
    await waitFor(() => expect(calls.some((c) => c.cmd === "desktop_settings")).toBe(true));
    await search("u0001-rich");
    await screen.findByTestId("results");
    expect(screen.getByTestId("user-phone-value").textContent).toBe("138****5678");
    expect(screen.queryByTestId("user-phone-reveal")).toBeNull();
    expect(screen.queryAllByTestId("contact-phone-reveal")).toHaveLength(0);
    expect(screen.queryByTestId("raw-json")).toBeNull();
    expect(screen.getByTestId("location-coords-copy")).toBeTruthy();
    expect(screen.queryByTestId("open-in-map")).toBeNull();
    await fireEvent.click(screen.getByTestId("copy-summary"));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).not.toContain("电话");
    expect(copied[0]).toBe(SUMMARY_RICH_ZH.split("\n").filter((line) => !line.startsWith("电话")).join("\n"));
  });

  it("a revealed number stays as long as IT set", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      backend(() => structuredClone(views["u0001-rich"]), { desktop_settings: () => desktopView({ rules: { revealSeconds: 5 } }) });
      render(App);
      await search("u0001-rich");
      await fireEvent.click(await screen.findByTestId("user-phone-reveal"));
      await waitFor(() => expect(screen.getByTestId("user-phone-value").textContent).toBe("13812345678"));
      await vi.advanceTimersByTimeAsync(4_000);
      expect(screen.getByTestId("user-phone-value").textContent).toBe("13812345678");
      await vi.advanceTimersByTimeAsync(1_500);
      await waitFor(() => expect(screen.getByTestId("user-phone-value").textContent).toBe("138****5678"));
    } finally {
      vi.useRealTimers();
    }
  });

  it("a reason is asked before a reveal when the rules say, and goes to the backend with it", async () => {
    const calls = backend(() => structuredClone(views["u0001-rich"]), { desktop_settings: () => desktopView({ rules: { revealReason: true } }) });
    render(App);
    await waitFor(() => expect(calls.some((c) => c.cmd === "desktop_settings")).toBe(true));
    await search("u0001-rich");
    await fireEvent.click(await screen.findByTestId("user-phone-reveal"));
    const reason = (await screen.findByTestId("user-phone-reason")) as HTMLInputElement;
    expect(reason.getAttribute("aria-label")).toBe("查看原因（记录在查看记录中）");
    expect(screen.getByTestId("user-phone-value").textContent).toBe("138****5678");
    await fireEvent.input(reason, { target: { value: "客户来电核对" } });
    await fireEvent.submit(reason.closest("form")!);
    await waitFor(() => expect(screen.getByTestId("user-phone-value").textContent).toBe("13812345678"));
    expect(calls.filter((c) => c.cmd === "reveal_phone").map((c) => c.args)).toEqual([{ lookupId: 1, field: { kind: "user" }, reason: "客户来电核对" }]);
  });

  it("at district precision the exact location is asked for when revealed, for that lookup", async () => {
    const exact = views[EXAMPLE].location!;
    const coarse = { ...exact, address: "北京市海淀区", lat: null, lng: null, tiles: null, pointHeld: true };
    const calls = backend(() => ({ ...structuredClone(views[EXAMPLE]), location: coarse }), { reveal_location: () => exact });
    render(App);
    await waitFor(() => expect(rules().revealReason).toBe(false));
    await search(EXAMPLE);
    expect((await screen.findByTestId("location-held")).textContent).toContain("位置只显示到区县");
    expect(screen.getByTestId("location-address").textContent).toBe("北京市海淀区");
    expect(screen.queryByTestId("location-coords")).toBeNull();
    await fireEvent.click(screen.getByTestId("location-reveal"));
    await waitFor(() => expect(screen.getByTestId("location-coords").textContent).toContain("40.02248"));
    expect(screen.getByTestId("location-address").textContent).toBe(exact.address);
    expect(calls.filter((c) => c.cmd === "reveal_location").map((c) => c.args)).toEqual([{ lookupId: 1, reason: null }]);
    // The next result is held back again.
    await search(EXAMPLE);
    await waitFor(() => expect(screen.queryByTestId("location-coords")).toBeNull());
  });

  it("a reveal the backend refuses says why, and the number stays masked", async () => {
    backend(() => structuredClone(views["u0001-rich"]), {
      reveal_phone: () => Promise.reject({ code: "storage", path: "/home/op/.local/share/com.opconsole.desktop/reveals.jsonl", detail: "disk full" }),
    });
    render(App);
    // The rules are the page's (the test before asked for a reason): wait for this one's.
    await waitFor(() => expect(rules().revealReason).toBe(false));
    await search("u0001-rich");
    await fireEvent.click(await screen.findByTestId("user-phone-reveal"));
    expect((await screen.findByTestId("user-phone-error")).textContent).toContain("reveals.jsonl");
    expect(screen.getByTestId("user-phone-value").textContent).toBe("138****5678");
  });

  it("locked settings are disabled with the reason beside them; what is sent keeps IT's values", async () => {
    const locked: PolicyKey[] = ["hotkey", "closeToTray", "revealSeconds"];
    const inForce = desktopView({ settings: { hotkey: null, closeToTray: true, revealSeconds: 10 }, rules: { revealSeconds: 10 }, locked });
    const calls = backend(() => views[EXAMPLE], { desktop_settings: () => inForce, save_desktop_settings: () => inForce });
    render(App);
    await screen.findByTestId("demo-badge");
    await fireEvent.click(screen.getByTestId("settings-open"));
    const hotkey = (await screen.findByTestId("hotkey-input")) as HTMLInputElement;
    await waitFor(() => expect(hotkey.disabled).toBe(true));
    expect((screen.getByTestId("close-to-tray") as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId("reveal-seconds") as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId("start-at-login") as HTMLInputElement).disabled).toBe(false);
    expect(screen.getAllByTestId("policy-lock").map((n) => n.textContent)).toEqual(Array(3).fill("由组织策略锁定"));
    expect(hotkey.getAttribute("aria-describedby")).toContain("hotkey-lock");
    await fireEvent.click(screen.getByTestId("start-at-login"));
    await fireEvent.click(screen.getByTestId("desktop-save"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "save_desktop_settings")).toBe(true));
    expect(calls.find((c) => c.cmd === "save_desktop_settings")!.args.settings).toEqual({
      ...inForce.settings,
      startAtLogin: true,
      keys: DEFAULT_KEYMAP,
    });
  });

  it("a managed profile is marked and read-only but for credentials; no new profile, no import", async () => {
    backend(() => views[EXAMPLE], { list_profiles: managedView });
    render(App);
    expect((await screen.findByTestId("managed-chip")).textContent).toBe("由组织管理");
    await fireEvent.click(screen.getByTestId("settings-open"));
    expect((await screen.findByTestId("settings-managed-note")).textContent).toContain("由组织管理");
    expect(screen.getByTestId("managed-badge").textContent).toBe("由组织管理");
    expect((screen.getByTestId("settings-profile-fields") as HTMLFieldSetElement).disabled).toBe(true);
    expect(screen.queryByTestId("settings-save")).toBeNull();
    expect(screen.queryByTestId("settings-delete")).toBeNull();
    expect((screen.getByTestId("settings-enter-credentials") as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId("settings-new-profile")).toBeNull();
    expect(screen.getByTestId("own-profiles-off").textContent).toContain("不允许自建配置");
    expect(screen.queryByTestId("settings-import")).toBeNull();
    expect(screen.getByTestId("imports-off").textContent).toContain("不允许导入");
  });

  it("the Policies section lists each value, its level and what is wrong; a banner says the file has problems", async () => {
    const report: PolicyReport = {
      path: "/etc/op-console/policy.json",
      present: true,
      entries: [
        { key: "demo", level: "mandatory", value: false, applied: true },
        { key: "allowedHosts", level: "mandatory", value: ["op.example.com", "*.corp.example"], applied: true },
        { key: "phoneReveal", level: "mandatory", value: "maybe", applied: false },
        { key: "closeToTray", level: "recommended", value: true, applied: true },
        { key: "allowOwnProfile", level: "mandatory", value: true, applied: false },
      ],
      issues: [
        { key: "phoneReveal", level: "mandatory", problem: { kind: "wrongValue" } },
        { key: "allowOwnProfile", level: "mandatory", problem: { kind: "unknownKey" } },
        { key: "managedProfiles", level: "mandatory", problem: { kind: "profileHostNotAllowed", id: "rogue", host: "op.evil.example" } },
      ],
    };
    backend(() => views[EXAMPLE], { policy_report: () => report });
    render(App);
    expect((await screen.findByTestId("policy-banner")).textContent).toContain("策略文件有 3 处问题");
    await fireEvent.click(screen.getByTestId("settings-open"));
    await screen.findByTestId("policy-table");
    expect(screen.getByTestId("policies-hint").textContent).toContain("下次启动");
    const row = (key: string) => screen.getByTestId(`policy-row-${key}`).textContent!;
    expect(row("demo")).toContain("演示模式");
    expect(row("demo")).toContain("false");
    expect(row("demo")).toContain("强制");
    expect(row("demo")).toContain("生效");
    expect(row("allowedHosts")).toContain('["op.example.com","*.corp.example"]');
    expect(row("closeToTray")).toContain("推荐");
    expect(row("phoneReveal")).toContain("值的类型或范围不对");
    expect(row("allowOwnProfile")).toContain("未知的键");
    expect(screen.getAllByTestId("policy-issue").map((n) => n.textContent)).toEqual([
      expect.stringContaining("受管配置“rogue”会向不在 allowedHosts 中的 op.evil.example 发送数据"),
    ]);
  });

  it("no policy file: the section says every setting is the operator's, and no banner", async () => {
    backend(() => views[EXAMPLE]);
    render(App);
    await screen.findByTestId("demo-badge");
    await fireEvent.click(screen.getByTestId("settings-open"));
    expect((await screen.findByTestId("policies-none")).textContent).toContain("所有设置由操作员决定");
    expect(screen.queryByTestId("policy-banner")).toBeNull();
  });
});

describe("updates", () => {
  const status = (over: Partial<UpdateStatus> = {}): UpdateStatus => ({
    currentVersion: "0.1.0",
    off: null,
    mirror: false,
    lastCheck: Date.UTC(2026, 11, 4, 8, 0),
    outcome: { kind: "available" },
    available: { version: "0.1.1", notes: "修复了地图的一个问题" },
    canInstall: true,
    ...over,
  });
  type Progress = { onmessage: (p: { downloaded: number; total: number | null }) => void };

  it("a newer version is offered in a corner with its notes; install shows progress, a bad signature one quiet line", async () => {
    let finish: (s: UpdateStatus) => void = () => {};
    const calls = backend(() => views[EXAMPLE], {
      watch_updates: () => status(),
      install_update: () => new Promise<UpdateStatus>((resolve) => (finish = resolve)),
    });
    render(App);
    const notice = await screen.findByTestId("update-notice");
    expect(notice.textContent).toContain("新版本 0.1.1 可用");
    expect(screen.getByTestId("update-announce").textContent).toBe("新版本 0.1.1 可用");
    expect(screen.getByTestId("update-notes").textContent).toBe("修复了地图的一个问题");
    // It never takes the focus from the search.
    expect(document.activeElement).toBe(screen.getByTestId("search-input"));
    await fireEvent.click(screen.getByTestId("update-install"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "install_update")).toBe(true));
    const installCall = calls.find((c) => c.cmd === "install_update")!;
    // The version the operator was shown, no other.
    expect(installCall.args.version).toBe("0.1.1");
    const progress = installCall.args.progress as Progress;
    progress.onmessage({ downloaded: 512, total: 2048 });
    await waitFor(() => expect(screen.getByTestId("update-progress").textContent).toContain("25%"));
    expect(screen.getByTestId("update-install").getAttribute("aria-disabled")).toBe("true");
    // The percent is on screen, not read out at every step.
    expect(screen.getByTestId("update-announce").textContent).toBe("正在下载更新…");
    finish(status({ outcome: { kind: "badSignature" } }));
    await waitFor(() => expect(screen.getByTestId("update-problem").textContent).toContain("签名无法验证，未安装任何内容"));
    expect(screen.getByTestId("update-announce").textContent).toContain("签名无法验证");
    // Not offered again, and not blamed on the package manager.
    expect(screen.queryByTestId("update-install")).toBeNull();
    expect(screen.queryByTestId("update-ask-it")).toBeNull();
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await fireEvent.click(screen.getByTestId("update-later"));
    expect(screen.queryByTestId("update-notice")).toBeNull();
  });

  it("when a package manager owns the install, the notice says to ask IT instead of offering to install", async () => {
    backend(() => views[EXAMPLE], { watch_updates: () => status({ available: { version: "0.1.2", notes: null }, canInstall: false }) });
    render(App);
    await screen.findByTestId("update-notice");
    expect(screen.getByTestId("update-ask-it").textContent).toContain("需由 IT 更新");
    expect(screen.queryByTestId("update-install")).toBeNull();
  });

  it("Settings → This computer shows the version, the last check and its outcome, and checks on request", async () => {
    const calls = backend(() => views[EXAMPLE], {
      watch_updates: () => status({ outcome: { kind: "unreachable" }, available: null }),
      check_for_update: () => status({ outcome: { kind: "upToDate" }, available: null, lastCheck: Date.UTC(2026, 11, 4, 9, 0) }),
    });
    render(App);
    await screen.findByTestId("demo-badge");
    await fireEvent.click(screen.getByTestId("settings-open"));
    expect((await screen.findByTestId("updates-version")).textContent).toContain("0.1.0");
    await waitFor(() => expect(screen.getByTestId("updates-last-check").textContent).toContain("无法连接更新服务器"));
    // A failed check is one line here and nothing elsewhere.
    expect(screen.queryByTestId("update-notice")).toBeNull();
    await fireEvent.click(screen.getByTestId("updates-check"));
    await waitFor(() => expect(screen.getByTestId("updates-last-check").textContent).toContain("已是最新版本"));
    expect(calls.filter((c) => c.cmd === "check_for_update")).toHaveLength(1);
  });

  it("updates turned off say why, with nothing to press", async () => {
    backend(() => views[EXAMPLE], { watch_updates: () => status({ off: "policy", outcome: { kind: "notChecked" }, available: null, lastCheck: null }) });
    render(App);
    await screen.findByTestId("demo-badge");
    await fireEvent.click(screen.getByTestId("settings-open"));
    expect((await screen.findByTestId("updates-off")).textContent).toContain("组织策略关闭");
    expect(screen.queryByTestId("updates-check")).toBeNull();
  });
});
