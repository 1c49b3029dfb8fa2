// The one sentence a screen reader announces for a result: who, which chat, its status and
// when, in the page's language ("用户 王小明，最近会话 Get帮你搞定一切，已结束，2015-09-15
// 16:54（UTC+8）"). Parts the answer lacks are left out, never read as "null".
import type { ChatView } from "../bindings";
import { formatInZone, zoneLabel } from "./format";
import type { Lang } from "./i18n.svelte";

export function resultSentence(chat: ChatView, lang: Lang): string {
  const user = chat.user;
  const name = user?.displayName ?? user?.nickName ?? user?.userName ?? user?.userId ?? null;
  const status = chat.statusLabel ?? chat.status;
  const when =
    chat.createdAt != null
      ? `${formatInZone(chat.createdAt, chat.utcOffsetMinutes).slice(0, 16)}${lang === "zh" ? "（" : " ("}${zoneLabel(chat.utcOffsetMinutes)}${lang === "zh" ? "）" : ")"}`
      : null;
  const parts =
    lang === "zh"
      ? [name && `用户 ${name}`, chat.subtitle && `最近会话 ${chat.subtitle}`, status, when]
      : [name && `User ${name}`, chat.subtitle && `most recent chat ${chat.subtitle}`, status, when];
  const said = parts.filter((p): p is string => !!p);
  if (said.length === 0) return lang === "zh" ? "已找到会话" : "Chat found";
  return lang === "zh" ? said.join("，") : said.join(", ");
}
