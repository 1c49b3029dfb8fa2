// A cold link (issue 27): `xdg-open opconsole://lookup/<id>` with the console not running,
// to its answer painted. The link goes the way another app sends it: xdg-open finds the
// console as the scheme's handler (a desktop entry of the bench's own, in the run's XDG
// folders, as the installed package's is in /usr/share/applications) and starts it with
// the link. The console logs when the page painted the answer to that request, in ms
// since the epoch (the page's clock at the paint, as the hotkey's figure reads it, not
// the report's arrival): the time is that line's minus the moment xdg-open was started.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { consolesBelow, found } from "../tests/e2e/harness.mjs";

const ENTRY = "op-console-bench.desktop";
/** xdg-open's generic way (the desktop entry's Exec, waited for, its output ours): a desktop
    named in XDG_CURRENT_DESKTOP would hand the link to `gio open`, which does neither. */
const GENERIC = { XDG_CURRENT_DESKTOP: "X-Generic" };
const PAINTED = /the answer to a (\w+) request was painted at (\d+) ms since the epoch, (\d+) ms after start/;

/** Makes `binary` the handler of `scheme`'s links for processes with these XDG folders. */
function registerHandler(scheme, binary, entryName, xdg) {
  // xdg-open takes the Exec line apart at spaces and does not read quotes.
  if (/\s/.test(binary)) throw new Error(`the path holds a space, which xdg-open cannot start: ${binary}`);
  const applications = join(xdg.XDG_DATA_HOME, "applications");
  mkdirSync(applications, { recursive: true });
  mkdirSync(xdg.XDG_CONFIG_HOME, { recursive: true });
  const entry = ["[Desktop Entry]", "Type=Application", `Name=${entryName}`, `Exec=${binary} %u`, `MimeType=x-scheme-handler/${scheme};`, "NoDisplay=true", ""];
  writeFileSync(join(applications, entryName), entry.join("\n"));
  const env = { ...process.env, ...xdg };
  execFileSync("xdg-mime", ["default", entryName, `x-scheme-handler/${scheme}`], { env });
  const handler = execFileSync("xdg-mime", ["query", "default", `x-scheme-handler/${scheme}`], { env, encoding: "utf8" }).trim();
  if (handler !== entryName) throw new Error(`xdg-mime names ${handler || "nothing"} as the ${scheme}:// handler, not ${entryName}`);
}

/** Makes `binary` the opconsole:// handler for processes with these XDG folders. */
export const registerLinkHandler = (binary, xdg) => registerHandler("opconsole", binary, ENTRY, xdg);

/**
 * What xdg-open itself costs before any handler runs: a link of a scheme of the bench's
 * whose handler is a script that prints the time. Returns the probe: each call opens one
 * such link and gives the ms from xdg-open's start to the script's.
 */
export function xdgOpenProbe(xdg) {
  const script = join(xdg.XDG_DATA_HOME, "print-time.sh");
  writeFileSync(script, "#!/bin/sh\ndate +%s%3N\n");
  chmodSync(script, 0o755);
  registerHandler("opbenchprobe", script, "op-bench-probe.desktop", xdg);
  return () => {
    const startedAt = Date.now();
    const out = execFileSync("xdg-open", ["opbenchprobe://x"], { env: { ...process.env, ...xdg, ...GENERIC }, encoding: "utf8" });
    return Number(out.trim()) - startedAt;
  };
}

/**
 * Opens `link` with xdg-open and waits for the console's line saying its answer was
 * painted. Returns the time from xdg-open's start to that paint, the console's own part
 * (from its main()), and the console's processes for the caller to end.
 */
export async function openColdLink(link, xdg, binary, timeoutMs = 60000) {
  const startedAt = Date.now();
  const opener = spawn("xdg-open", [link], { env: { ...process.env, ...xdg, ...GENERIC }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  opener.stderr.on("data", (chunk) => (stderr += chunk));
  const line = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no painted answer ${timeoutMs / 1000} s after xdg-open ${link}:\n${stderr}`)), timeoutMs);
    opener.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(PAINTED);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    opener.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`xdg-open ${link} ended (${code}) before the answer was painted:\n${stderr}`));
    });
  });
  opener.stdout.resume();
  const [, source, paintedAt, afterStart] = line;
  // xdg-open waits for the handler it started: the console is below it.
  const consoles = consolesBelow(opener.pid, binary).map(found);
  return { source, paintedMs: Number(paintedAt) - startedAt, consoleMs: Number(afterStart), opener, consoles };
}
