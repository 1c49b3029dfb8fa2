// Times as operators read them: `yyyy-MM-dd HH:mm:ss` in the API's zone (labelled) or the
// computer's, and an age ("3 天前").
import type { Lang } from "./i18n.svelte";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function formatLocal(epochMs: number): string {
  const d = new Date(epochMs);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `yyyy-MM-dd HH:mm:ss` at `offsetMinutes` east of UTC, whatever this computer's zone. */
export function formatInZone(epochMs: number, offsetMinutes: number): string {
  const d = new Date(epochMs + offsetMinutes * 60_000);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `UTC+8`, `UTC−3:30`, `UTC`. */
export function zoneLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "UTC";
  const sign = offsetMinutes > 0 ? "+" : "−";
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${pad(minutes)}` : ""}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

// One formatter per language: building one costs more than the rest of a result's update.
const AGE_FORMATS: Record<Lang, Intl.RelativeTimeFormat> = {
  zh: new Intl.RelativeTimeFormat("zh-CN", { numeric: "auto" }),
  en: new Intl.RelativeTimeFormat("en", { numeric: "auto" }),
};

/** Ages change once a minute at most: under a minute is "此刻" / "this minute", never
    a count of seconds that would repaint the page every few seconds at rest. */
export const AGE_STEP_MS = 60_000;

export function formatAge(epochMs: number, now: number, lang: Lang): string {
  if (Math.abs(epochMs - now) < AGE_STEP_MS) return AGE_FORMATS[lang].format(0, "minute");
  const seconds = Math.round((epochMs - now) / 1000);
  const format = AGE_FORMATS[lang];
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === "second") {
      return format.format(Math.trunc(seconds / size), unit);
    }
  }
  return "";
}

export function formatCoordinate(value: number): string {
  return value.toFixed(6);
}
