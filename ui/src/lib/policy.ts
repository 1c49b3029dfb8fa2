// IT's policy as the Policies section and the banner word it: each problem of the file in
// an administrator's words, each key's name, each value as the file gives it.
import type { PolicyEntry, PolicyIssue, PolicyKey, PolicyProblem, PolicyReport } from "../bindings";
import { FIELD_LABELS, POLICY_KEYS, profileProblem } from "./errors";
import { lang, type Table } from "./i18n.svelte";

const PROBLEMS: Table<PolicyProblem> = {
  unreadable: () => ({
    zh: "策略文件存在但无法读取（权限或不是文件）。所有可以收紧的锁都按最严格的值生效。",
    en: "The policy file is there but cannot be read (permissions, or not a file). Every lock that can be strict is at its strictest.",
  }),
  writableByOthers: () => ({
    zh: "策略文件或其上层文件夹可被 root 以外的用户修改，因此不予采信。所有可以收紧的锁都按最严格的值生效。请 IT 将其设为仅 root 所有且仅 root 可写。",
    en: "The policy file or a folder above it can be changed by users other than root, so it is not believed. Every lock that can be strict is at its strictest. Ask IT to make it root's, writable by root alone.",
  }),
  notJson: (p) => ({
    zh: `策略文件不是有效的 JSON（第 ${p.line} 行第 ${p.column} 列）。所有可以收紧的锁都按最严格的值生效。`,
    en: `The policy file is not valid JSON (line ${p.line}, column ${p.column}). Every lock that can be strict is at its strictest.`,
  }),
  notAnObject: () => ({
    zh: "策略文件应为包含 mandatory、recommended 或 managedProfiles 的 JSON 对象。所有可以收紧的锁都按最严格的值生效。",
    en: "The policy file should be a JSON object with mandatory, recommended or managedProfiles. Every lock that can be strict is at its strictest.",
  }),
  newerVersion: (p) => ({
    zh: `策略文件是为更新版本写的（格式 ${p.version}）；本版本认识的键照常生效，其余的键单独列出。`,
    en: `The policy file was written for a newer version (format ${p.version}); the keys this version knows apply, the others are listed.`,
  }),
  unknownKey: () => ({ zh: "未知的键（拼写错误，或较新版本的键），已忽略。", en: "Unknown key (a typo, or a newer version's), ignored." }),
  wrongValue: () => ({
    zh: "值的类型或范围不对。可收紧的锁按最严格的值生效，其余保持操作员的设置。",
    en: "The value has the wrong type or range. A lock that can be strict is at its strictest; others stay as the operator has them.",
  }),
  onlyMandatory: () => ({ zh: "此键只能放在 mandatory 中，已忽略。", en: "This key can only be mandatory; ignored." }),
  invalidProfile: (p) => ({
    zh: `受管配置“${p.id}”的“${FIELD_LABELS[p.field].zh}”无效：${profileProblem(p.problem).zh}。未提供此配置。`,
    en: `Managed profile “${p.id}”: its ${FIELD_LABELS[p.field].en} is not valid: ${profileProblem(p.problem).en}. It is not offered.`,
  }),
  duplicateProfile: (p) => ({ zh: `受管配置“${p.id}”重复或使用了保留 ID，未提供。`, en: `Managed profile “${p.id}” is listed twice or uses a reserved ID; not offered.` }),
  profileHostNotAllowed: (p) => ({
    zh: `受管配置“${p.id}”会向不在 allowedHosts 中的 ${p.host} 发送数据，未提供。`,
    en: `Managed profile “${p.id}” would send data to ${p.host}, which allowedHosts does not name; not offered.`,
  }),
};

export function policyProblemText(problem: PolicyProblem): string {
  return PROBLEMS[problem.kind](problem as never)[lang()];
}

/** A key's name in the UI's language (an unknown one as the file writes it). */
export function policyKeyName(key: string): string {
  return key in POLICY_KEYS ? POLICY_KEYS[key as PolicyKey][lang()] : key;
}

/** A value as the file gives it, on one line, at most `max` characters. */
export function policyValueText(value: unknown, max = 200): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The issues of one entry (its key and level). */
export function issuesOf(report: PolicyReport, entry: PolicyEntry): PolicyIssue[] {
  return report.issues.filter((i) => i.key === entry.key && i.level === entry.level);
}

/** Every kind the table words: a test checks each. */
export const POLICY_PROBLEM_KINDS = Object.keys(PROBLEMS) as PolicyProblem["kind"][];
