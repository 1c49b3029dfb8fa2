// The fields of an answer that could not be read, as the operator reads them. Typed by
// the generated unions: a new kind of warning fails svelte-check until it is worded here.
import type { FieldWarning, JsonKind, WarningProblem } from "../bindings";
import { lang, type Table, type Words } from "./i18n.svelte";

const FOUND: Record<JsonKind, Words> = {
  object: { zh: "一个对象", en: "an object" },
  array: { zh: "一个列表", en: "a list" },
  string: { zh: "无法识别的文字", en: "text it could not read" },
  number: { zh: "无法使用的数字", en: "a number it could not use" },
  boolean: { zh: "一个布尔值", en: "a true/false value" },
};

const PROBLEMS: Table<WarningProblem> = {
  unreadable: (p) => ({ zh: `收到${FOUND[p.found].zh}，已略过`, en: `found ${FOUND[p.found].en}; left out` }),
  noPoint: () => ({ zh: "坐标不是地图上的点，未显示位置", en: "the coordinates are no point on the map; no position shown" }),
  swapped: () => ({ zh: "纬度和经度被对调，已按正确顺序显示", en: "latitude and longitude were swapped; shown the right way round" }),
  replaced: () => ({ zh: "含有无法识别的字符，已用“�”代替", en: "characters that could not be read are shown as “�”" }),
};

/** "data.user.serviceCount：收到一个对象，已略过". */
export function warningText(warning: FieldWarning): string {
  const words = PROBLEMS[warning.kind](warning as never);
  return `${warning.path}${lang() === "zh" ? "：" : ": "}${words[lang()]}`;
}
