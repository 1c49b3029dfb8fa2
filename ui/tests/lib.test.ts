import { describe, expect, it } from "vitest";
import { checkUserId } from "../src/lib/userId";
import { Latest } from "../src/lib/latest";
import { formatAge, formatLocal } from "../src/lib/format";
import { errorText, setLang } from "../src/lib/i18n.svelte";

describe("user ID check (the same rule as op-api)", () => {
  it("accepts and trims the spec's ID", () => {
    expect(checkUserId("  u00012b2e588bd93843168dfb67ae12cc2ee9 ")).toEqual({ ok: true, id: "u00012b2e588bd93843168dfb67ae12cc2ee9" });
  });
  it("names the problem", () => {
    expect(checkUserId(" ")).toEqual({ ok: false, problem: { kind: "empty" } });
    expect(checkUserId("a".repeat(65))).toEqual({ ok: false, problem: { kind: "tooLong", chars: 65 } });
    expect(checkUserId("u1<b>")).toEqual({ ok: false, problem: { kind: "badCharacter", character: "<", position: 3 } });
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

describe("formatting", () => {
  it("local time as yyyy-MM-dd HH:mm:ss", () => {
    expect(formatLocal(new Date(2015, 8, 15, 16, 54, 18).getTime())).toBe("2015-09-15 16:54:18");
  });
  it("ages in both languages", () => {
    const now = Date.UTC(2020, 0, 4);
    expect(formatAge(Date.UTC(2020, 0, 1), now, "en")).toBe("3 days ago");
    expect(formatAge(Date.UTC(2020, 0, 1), now, "zh")).toBe("3天前");
  });
});

describe("error sentences", () => {
  it("every code has a sentence in both languages, never a bare code", () => {
    const codes = [
      "invalid_user_id", "not_configured", "connect", "timeout", "tls", "http_status", "decode", "too_large",
      "interrupted", "api", "no_chat", "keyring_unavailable", "keyring_locked", "keyring_timeout", "keyring_error",
      "invalid_profile", "profile_not_found", "demo_read_only", "invalid_import", "empty_credential", "storage",
      "demo_unavailable", "open_failed",
    ];
    for (const lang of ["zh", "en"] as const) {
      setLang(lang);
      for (const code of codes) {
        const { text } = errorText({ code, message: "m", afterMs: 15000, status: 500, path: "data.x", apiCode: "4003", apiMessage: "x" });
        expect(text, code).not.toMatch(/\{|undefined|null/);
        expect(text, code).not.toBe(code);
      }
    }
    setLang("zh");
    expect(errorText({ code: "timeout", message: "", afterMs: 15000 }).text).toContain("15 秒");
    expect(errorText({ code: "keyring_locked", message: "" }).next).toBe("retry");
    expect(errorText({ code: "api", message: "", apiCode: "4003", apiMessage: "token 无效" }).next).toBe("settings");
  });
});
