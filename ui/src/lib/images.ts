// Remote images (tiles, logos, avatars) go through the backend's `opimg` protocol, which
// fetches only from the selected profile's tile and asset URLs. The CSP allows nothing else.
const onWindows = typeof navigator !== "undefined" && /Windows/i.test(navigator.userAgent);

export function proxiedImage(url: string): string {
  const base = onWindows ? "http://opimg.localhost/" : "opimg://localhost/";
  return base + encodeURIComponent(url);
}
