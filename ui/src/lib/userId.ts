// The same rule as op-api's UserId::parse, so that a typo gets its message before anything
// is sent. The backend checks again; this only saves a round trip.
export const MAX_USER_ID_CHARS = 64;

export type UserIdProblem =
  | { kind: "empty" }
  | { kind: "tooLong"; chars: number }
  | { kind: "badCharacter"; character: string; position: number };

export function checkUserId(input: string): { ok: true; id: string } | { ok: false; problem: UserIdProblem } {
  const id = input.trim();
  if (id === "") return { ok: false, problem: { kind: "empty" } };
  const chars = [...id];
  if (chars.length > MAX_USER_ID_CHARS) return { ok: false, problem: { kind: "tooLong", chars: chars.length } };
  const bad = chars.findIndex((c) => !/^[A-Za-z0-9_.-]$/.test(c));
  if (bad >= 0) return { ok: false, problem: { kind: "badCharacter", character: chars[bad], position: bad + 1 } };
  return { ok: true, id };
}
