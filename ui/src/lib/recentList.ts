// The recent list as the backend sends it with every answer: a lookup moves one entry to
// the top, and the other 49 are the same as before. Keeping their objects lets the list's
// rows see no change (no title or class re-computed, no attribute set), and only the moved
// row is touched.
import type { RecentLookup } from "../bindings";

/** One entry per user and profile: the list's identity of an entry (its rows are keyed by it). */
export const recentKey = (entry: RecentLookup) => `${entry.profileId}\u0000${entry.userId}`;

/** `next`, with each entry equal to one in `previous` replaced by that object. */
export function keepUnchanged(previous: RecentLookup[], next: RecentLookup[]): RecentLookup[] {
  const known = new Map(previous.map((entry) => [recentKey(entry), entry]));
  return next.map((entry) => {
    const old = known.get(recentKey(entry));
    return old && old.at === entry.at && old.outcome === entry.outcome ? old : entry;
  });
}
