// What the operator reads about updates: each outcome of a check or an install, and why
// the console does not look, in both languages.
import type { UpdateOutcome, UpdatesOff } from "../bindings";
import { lang, type Table, type Words } from "./i18n.svelte";

const OUTCOMES: Table<UpdateOutcome> = {
  notChecked: () => ({ zh: "尚未检查", en: "Not checked yet" }),
  upToDate: () => ({ zh: "已是最新版本", en: "This is the newest version" }),
  available: () => ({ zh: "有新版本可用", en: "A newer version is available" }),
  unreachable: () => ({
    zh: "无法连接更新服务器，稍后会自动重试",
    en: "The update server could not be reached; the console tries again later",
  }),
  badManifest: () => ({
    zh: "更新服务器的回复无法识别，请告知 IT",
    en: "The update server's answer could not be read; tell IT",
  }),
  badSignature: () => ({
    zh: "更新包的签名无法验证，未安装任何内容。请告知 IT",
    en: "The update's signature could not be verified; nothing was installed. Tell IT",
  }),
  downloadFailed: () => ({
    zh: "下载中断，未安装任何内容，可以再试一次",
    en: "The download stopped; nothing was installed. You can try again",
  }),
  installFailed: () => ({
    zh: "安装未完成，当前版本未改变。如需管理员权限，请联系 IT",
    en: "The install did not finish; this version is unchanged. If it needs administrator rights, ask IT",
  }),
  installed: () => ({ zh: "已安装，正在重新启动", en: "Installed; restarting" }),
};

const OFF: Record<UpdatesOff, Words> = {
  policy: { zh: "已由组织策略关闭", en: "Turned off by your organization's policy" },
  noKey: { zh: "此版本不含发布签名公钥（开发版本），不检查更新", en: "This build has no release key (a development build) and does not look for updates" },
  notPackaged: { zh: "未从安装包安装，不检查更新", en: "Not installed from a package; it does not look for updates" },
  noEndpoint: { zh: "未设置更新地址", en: "No update address is set" },
  hostNotAllowed: { zh: "更新地址不在组织允许的主机中，请联系 IT", en: "The update address is not among your organization's allowed hosts; ask IT" },
};

export function updateOutcomeText(outcome: UpdateOutcome): string {
  return OUTCOMES[outcome.kind](outcome as never)[lang()];
}

export function updatesOffText(off: UpdatesOff): string {
  return OFF[off][lang()];
}

/** Every outcome kind, for the tests. */
export const UPDATE_OUTCOME_KINDS = Object.keys(OUTCOMES) as UpdateOutcome["kind"][];
