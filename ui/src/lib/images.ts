// Remote images (tiles, logos, avatars) go through the backend's `opimg` protocol, which
// fetches only from the tile and asset URLs of the profile named (the result's own, not
// the one selected now). The CSP allows nothing else.
const onWindows = typeof navigator !== "undefined" && /Windows/i.test(navigator.userAgent);

export function proxiedImage(profileId: string, url: string): string {
  const base = onWindows ? "http://opimg.localhost/" : "opimg://localhost/";
  return `${base}${encodeURIComponent(profileId)}/${encodeURIComponent(url)}`;
}
