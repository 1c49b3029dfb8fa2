import { afterEach, describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { checkUserId } from "../src/lib/userId";
import { Latest } from "../src/lib/latest";
import { keepUnchanged } from "../src/lib/recentList";
import { formatAge, formatLocal } from "../src/lib/format";
import { startAgeClock } from "../src/lib/ageClock";
import { setLang } from "../src/lib/i18n.svelte";
import { errorText, linkProblemText, REASON_KINDS } from "../src/lib/errors";
import { api } from "../src/lib/api";
import { COMMANDS, USER_ID_RULE } from "../src/contract";
import type { ErrorBody, LinkProblem, PolicyProblem } from "../src/bindings";
import { POLICY_PROBLEM_KINDS, policyProblemText, policyValueText } from "../src/lib/policy";
import { resultSentence } from "../src/lib/announce";
import type { ChatView } from "../src/bindings";
import fixtureViews from "./fixtures/views.json";
import { UPDATE_OUTCOME_KINDS, updateOutcomeText, updatesOffText } from "../src/lib/updates";
import type { UpdateOutcome, UpdatesOff } from "../src/bindings";
import errorSamples from "./fixtures/errors.json";

const samples = errorSamples as unknown as ErrorBody[];

describe("user ID check (op-api's rule, generated)", () => {
  it("accepts and trims the spec's ID", () => {
    expect(checkUserId("  u00012b2e588bd93843168dfb67ae12cc2ee9 ")).toEqual({ ok: true, id: "u00012b2e588bd93843168dfb67ae12cc2ee9" });
    expect(checkUserId("a_b-c.d")).toEqual({ ok: true, id: "a_b-c.d" });
  });
  it("names the problem", () => {
    const max = USER_ID_RULE.maxChars;
    expect(checkUserId(" ")).toEqual({ ok: false, problem: { kind: "empty" } });
    expect(checkUserId("a".repeat(max))).toEqual({ ok: true, id: "a".repeat(max) });
    expect(checkUserId("a".repeat(max + 1))).toEqual({ ok: false, problem: { kind: "tooLong", chars: max + 1, max } });
    expect(checkUserId("u1<b>")).toEqual({ ok: false, problem: { kind: "badCharacter", character: "<", position: 3 } });
    expect(checkUserId("用户")).toEqual({ ok: false, problem: { kind: "badCharacter", character: "用", position: 1 } });
  });
});

describe("newer lookup wins", () => {
  it("only the newest ticket is current", () => {
    const latest = new Latest();
    const first = latest.begin();
    const second = latest.begin();
    expect(latest.isCurrent(first)).toBe(false);
    expect(latest.isCurrent(second)).toBe(true);
  });
});

describe("the recent list after a lookup", () => {
  const entry = (userId: string, at: number, outcome = "ok", profileId = "p") => ({ userId, profileId, at, outcome });

  it("keeps the entries that did not change and takes the moved one as sent", () => {
    const a = entry("a", 3), b = entry("b", 2), c = entry("c", 1);
    const next = [entry("c", 9), entry("a", 3), entry("b", 2)];
    const kept = keepUnchanged([a, b, c], next);
    expect(kept).toEqual(next);
    expect(kept[0]).toBe(next[0]);
    expect(kept[1]).toBe(a);
    expect(kept[2]).toBe(b);
  });

  it("takes an entry whose outcome changed, or that belongs to another profile, as sent", () => {
    const a = entry("a", 3);
    const next = [entry("a", 3, "timeout"), entry("a", 3, "ok", "q")];
    const kept = keepUnchanged([a], next);
    expect(kept[0]).toBe(next[0]);
    expect(kept[1]).toBe(next[1]);
    expect(keepUnchanged([a], [])).toEqual([]);
  });
});

describe("formatting", () => {
  it("local time as yyyy-MM-dd HH:mm:ss", () => {
    expect(formatLocal(new Date(2015, 8, 15, 16, 54, 18).getTime())).toBe("2015-09-15 16:54:18");
  });
  it("ages in both languages", () => {
    const now = Date.UTC(2020, 0, 4);
    expect(formatAge(Date.UTC(2020, 0, 1), now, "en")).toBe("3 days ago");
    expect(formatAge(Date.UTC(2020, 0, 1), now, "zh")).toBe("3天前");
  });
  it("an age under a minute is one text, not a count of seconds that changes at rest", () => {
    const now = Date.UTC(2020, 0, 4);
    for (const seconds of [0, 5, 30, 59]) {
      expect(formatAge(now - seconds * 1000, now, "en")).toBe("this minute");
      expect(formatAge(now - seconds * 1000, now, "zh")).toBe("此刻");
    }
    expect(formatAge(now - 60_000, now, "en")).toBe("1 minute ago");
  });
});

describe("the ages' clock", () => {
  afterEach(() => {
    vi.useRealTimers();
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
  });
  const setVisibility = (state: "visible" | "hidden") => {
    Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  };

  it("ticks once at each whole minute of the result's age, and not in between", () => {
    vi.useFakeTimers();
    const fetchedAt = Date.now() - 20_000;
    const ticks: number[] = [];
    const stop = startAgeClock(fetchedAt, (now) => ticks.push(now - fetchedAt));
    vi.advanceTimersByTime(39_000);
    expect(ticks).toEqual([]);
    vi.advanceTimersByTime(10 * 60_000);
    expect(ticks.length).toBe(10);
    ticks.forEach((age, i) => expect(Math.floor(age / 60_000)).toBe(i + 1));
    stop();
    vi.advanceTimersByTime(10 * 60_000);
    expect(ticks.length).toBe(10);
  });

  it("does not tick while the window is hidden, and catches up once shown", () => {
    vi.useFakeTimers();
    const ticks: number[] = [];
    const stop = startAgeClock(Date.now(), (now) => ticks.push(now));
    setVisibility("hidden");
    vi.advanceTimersByTime(30 * 60_000);
    expect(ticks).toEqual([]);
    setVisibility("visible");
    expect(ticks.length).toBe(1);
    vi.advanceTimersByTime(60_100);
    expect(ticks.length).toBe(2);
    stop();
  });
});

/** What a sample's own parameters put in a sentence: server text, paths, ids, URLs. */
function parameterValues(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "number") return [String(value)];
  if (value && typeof value === "object") return Object.values(value).flatMap(parameterValues);
  return [];
}

// Names and abbreviations a Chinese sentence may hold as they are.
const LATIN_IN_CHINESE = ["Op API", "Op", "API", "HTTP", "TLS", "IT", "ID", "JSON", "URL", "GNOME Keyring", "KWallet", "Windows", "macOS", "MB", "http://", "https://", "socks5://", "http", "KiB", "client", "profiles", "CA", "PEM", "BEGIN CERTIFICATE", "UTC", "Ctrl+Alt+U", "Super+F9", "Ctrl+Alt", "Super", "Alt+ArrowLeft", "Ctrl+K", "F5", "Ctrl", "Alt", "Shift", "Meta", ".config/autostart", "lookup", "opconsole://", "profile="];

describe("error sentences (every code, with the backend's own samples)", () => {
  it("the samples cover every code and every reason the tables word", () => {
    const seen = new Set<string>();
    const walk = (value: unknown) => {
      if (value && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) {
          if (["code", "kind", "field", "cause"].includes(key) && typeof inner === "string") seen.add(inner);
          walk(inner);
        }
      }
    };
    samples.forEach(walk);
    for (const [table, kinds] of Object.entries(REASON_KINDS)) {
      for (const kind of kinds) expect(seen.has(kind), `${table}: ${kind} has no sample`).toBe(true);
    }
  });

  it("zh has no English clause, en no Chinese one, neither a placeholder or a bare code", () => {
    for (const sample of samples) {
      const own = parameterValues({ ...sample, code: undefined });
      for (const lang of ["zh", "en"] as const) {
        setLang(lang);
        const { text } = errorText(sample);
        expect(text, sample.code).not.toMatch(/undefined|null|NaN|\[object|\$\{/);
        expect(text, sample.code).not.toBe(sample.code);
        // A parameter left empty leaves no gap where it would be.
        expect(text, sample.code).not.toMatch(/ [。，、；）,;:)]|\s{2}|[（(]\s*[)）]/);
        let rest = text;
        for (const value of own) rest = rest.split(value).join(" ");
        if (lang === "zh") {
          for (const name of [...LATIN_IN_CHINESE].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(" ");
          // Template placeholders such as {secret} are what the operator types, not English.
          rest = rest.replace(/\{[A-Za-z:]+\}/g, " ");
          expect(rest, `${sample.code}: ${text}`).not.toMatch(/[A-Za-z]{2,}/);
        } else {
          expect(rest, `${sample.code}: ${text}`).not.toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
    setLang("zh");
  });

  it("next steps and parameters", () => {
    setLang("zh");
    expect(errorText({ code: "timeout", hasRawAnswer: false, afterMs: 15000 }).text).toContain("15 秒");
    expect(errorText({ code: "keyring_locked", hasRawAnswer: false }).next).toBe("retry");
    expect(errorText({ code: "api", hasRawAnswer: true, status: null, apiCode: "4003", apiMessage: "token 无效" }).next).toBe("settings");
    const field = errorText({ code: "invalid_profile", hasRawAnswer: false, field: "baseUrl", problem: { kind: "url", problem: { kind: "noHost" } } });
    expect(field.text).toBe("配置的“服务地址”无效：网址缺少主机名。");
  });
});

describe("the command client (names generated from the backend's list)", () => {
  it("has a call for every command and invokes no other", async () => {
    const invoked = new Set<string>();
    mockIPC((cmd) => {
      invoked.add(cmd);
      return null;
    });
    const calls = Object.values(api) as ((...args: unknown[]) => Promise<unknown>)[];
    await Promise.all(calls.map((call) => call("x", "y", "z")));
    expect([...invoked].sort()).toEqual([...COMMANDS].sort());
  });
});

describe("links that are not followed", () => {
  it("every problem has a sentence in each language that says nothing was sent", () => {
    const problems: LinkProblem[] = [
      { kind: "notALink" },
      { kind: "tooLong", maxChars: 2048 },
      { kind: "unknownAction", action: "delete" },
      { kind: "noUserId" },
      { kind: "badUserId", problem: { kind: "tooLong", chars: 70, max: 64 } },
      { kind: "badProfile" },
      { kind: "unknownParameter", name: "profle" },
    ];
    for (const problem of problems) {
      setLang("zh");
      expect(linkProblemText(problem)).toMatch(/未发送任何请求。$/);
      expect(linkProblemText(problem)).not.toMatch(/undefined|null|\$\{/);
      setLang("en");
      expect(linkProblemText(problem)).toMatch(/Nothing was sent\.$/);
      expect(linkProblemText(problem)).not.toMatch(/[\u4e00-\u9fff]/);
    }
    setLang("zh");
  });
});

describe("policy problems (Settings → Policies)", () => {
  const samples: PolicyProblem[] = [
    { kind: "unreadable" },
    { kind: "writableByOthers" },
    { kind: "notJson", line: 3, column: 14 },
    { kind: "notAnObject" },
    { kind: "newerVersion", version: 2 },
    { kind: "unknownKey" },
    { kind: "wrongValue" },
    { kind: "onlyMandatory" },
    { kind: "invalidProfile", id: "prod", field: "baseUrl", problem: { kind: "clientIdFormat", maxChars: 64 } },
    { kind: "duplicateProfile", id: "prod" },
    { kind: "profileHostNotAllowed", id: "prod", host: "op.evil.example" },
  ];

  it("each kind is worded in both languages with its parameters", () => {
    expect(samples.map((s) => s.kind).sort()).toEqual([...POLICY_PROBLEM_KINDS].sort());
    for (const lang of ["zh", "en"] as const) {
      setLang(lang);
      for (const sample of samples) {
        const text = policyProblemText(sample);
        expect(text, sample.kind).not.toMatch(/undefined|null|NaN|\[object|\$\{/);
        expect(text.length, sample.kind).toBeGreaterThan(10);
        if (lang === "en") expect(text, sample.kind).not.toMatch(/[\u4e00-\u9fff]/);
        else expect(text, sample.kind).toMatch(/[\u4e00-\u9fff]/);
        for (const value of ["id", "host"].map((k) => (sample as Record<string, unknown>)[k]).filter((v) => typeof v === "string")) {
          expect(text, sample.kind).toContain(value as string);
        }
      }
    }
    setLang("zh");
  });

  it("values are shown as the file gives them, on one line and bounded", () => {
    expect(policyValueText(["a", "b"])).toBe('["a","b"]');
    expect(policyValueText({ mode: "none" })).toBe('{"mode":"none"}');
    expect(policyValueText("x".repeat(500)).length).toBe(200);
  });
});

describe("update words", () => {
  it("every outcome and every reason updates are off is a sentence in both languages", () => {
    const offs: UpdatesOff[] = ["policy", "noKey", "notPackaged", "noEndpoint", "hostNotAllowed"];
    for (const language of ["zh", "en"] as const) {
      setLang(language);
      for (const kind of UPDATE_OUTCOME_KINDS) {
        const text = updateOutcomeText({ kind } as UpdateOutcome);
        expect(text.length, kind).toBeGreaterThan(3);
        expect(text).not.toMatch(/undefined|null|\{/);
      }
      for (const off of offs) expect(updatesOffText(off).length, off).toBeGreaterThan(5);
    }
    setLang("zh");
  });
});

describe("the result's sentence for a screen reader", () => {
  const example = (fixtureViews.views as unknown as Record<string, ChatView>)["u00012b2e588bd93843168dfb67ae12cc2ee9"];
  const chat: ChatView = {
    ...example,
    subtitle: "Get帮你搞定一切",
    status: "3",
    statusLabel: "已结束",
    createdAt: Date.UTC(2015, 8, 15, 8, 54, 30),
    utcOffsetMinutes: 480,
    user: example.user && { ...example.user, displayName: "王小明" },
  };

  it("says who, which chat, its status and when, in each language", () => {
    expect(resultSentence(chat, "zh")).toBe("用户 王小明，最近会话 Get帮你搞定一切，已结束，2015-09-15 16:54（UTC+8）");
    expect(resultSentence(chat, "en")).toBe("User 王小明, most recent chat Get帮你搞定一切, 已结束, 2015-09-15 16:54 (UTC+8)");
  });

  it("leaves out what the answer lacks", () => {
    const bare = { ...chat, user: null, subtitle: null, status: null, statusLabel: null, createdAt: null };
    expect(resultSentence(bare, "zh")).toBe("已找到会话");
    expect(resultSentence({ ...bare, status: "3" }, "en")).toBe("3");
  });
});
