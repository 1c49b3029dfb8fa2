// "Copy summary": the result as a plain-text block to paste into a ticket, in the UI's
// language, the phone masked unless the operator revealed it (and left out when IT says so).
import type { ChatView } from "../bindings";
import { formatInZone, zoneLabel } from "./format";
import { lang, t } from "./i18n.svelte";
import type { RevealStore } from "./stores/reveal.svelte";
import { rules } from "./stores/rules.svelte";

/** The summary would carry a revealed number (the user's, the only one it shows). */
export function holdsRevealed(chat: ChatView, reveal: RevealStore): boolean {
  const phone = chat.user?.phone;
  return rules().summaryIncludesPhone && phone != null && reveal.shown(phone.field) != null;
}

export function summary(chat: ChatView, reveal: RevealStore): string {
  const none = t("none");
  const zh = lang() === "zh";
  const pair = (main: string | null | undefined, extra: string | null | undefined) =>
    main && extra && main !== extra ? (zh ? `${main}（${extra}）` : `${main} (${extra})`) : (main ?? extra ?? none);
  const user = chat.user;
  const phone = user?.phone ?? null;
  const shownPhone = phone ? reveal.displayed(phone) : null;
  const created =
    chat.createdAt != null ? `${formatInZone(chat.createdAt, chat.utcOffsetMinutes)} (${zoneLabel(chat.utcOffsetMinutes)})` : null;
  const lines: [string, string | null][] = [
    [t("userTitle"), pair(user?.displayName, user?.userId)],
    [t("chatId"), chat.chatId],
    [t("status"), pair(chat.status, chat.statusLabel)],
    [t("createdAt"), created],
    [t("channel"), pair(chat.channelName, chat.channelId)],
    [t("client"), chat.clientName],
    [t("addressTitle"), chat.location?.address ?? null],
    ...(rules().summaryIncludesPhone ? [[t("phone"), shownPhone] as [string, string | null]] : []),
  ];
  return lines.map(([label, value]) => `${label}${zh ? "：" : ": "}${value ?? none}`).join("\n");
}
