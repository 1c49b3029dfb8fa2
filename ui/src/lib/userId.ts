// op-api's user-ID rule (UserId::parse), from the generated USER_ID_RULE, so that a typo
// gets its message before anything is sent. The backend checks again; this only saves a
// round trip.
import type { UserIdProblem } from "../bindings";
import { USER_ID_RULE } from "../contract";

function allowed(c: string): boolean {
  return /^[A-Za-z0-9]$/.test(c) || USER_ID_RULE.punctuation.includes(c);
}

export function checkUserId(input: string): { ok: true; id: string } | { ok: false; problem: UserIdProblem } {
  const id = input.trim();
  if (id === "") return { ok: false, problem: { kind: "empty" } };
  const chars = [...id];
  if (chars.length > USER_ID_RULE.maxChars) {
    return { ok: false, problem: { kind: "tooLong", chars: chars.length, max: USER_ID_RULE.maxChars } };
  }
  const bad = chars.findIndex((c) => !allowed(c));
  if (bad >= 0) return { ok: false, problem: { kind: "badCharacter", character: chars[bad], position: bad + 1 } };
  return { ok: true, id };
}
