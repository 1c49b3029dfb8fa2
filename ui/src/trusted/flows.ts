// The places a profile sends data, as the trusted window names them.
import type { FlowField } from "../bindings";
import type { Words } from "../lib/i18n.svelte";

export const FLOW_LABELS: Record<FlowField, Words> = {
  baseUrl: { zh: "服务地址（令牌和签名发往这里）", en: "Server (the token and sign go here)" },
  clientId: { zh: "应用 ID (client)", en: "Client ID" },
  proxy: { zh: "代理", en: "Proxy" },
  caFile: { zh: "额外信任的 CA 证书", en: "CA certificate trusted besides the system's" },
  tiles: { zh: "地图瓦片（客户的位置发往这里）", en: "Map tiles (customers' locations go here)" },
  assets: { zh: "图片资源（头像和图标的文件名发往这里）", en: "Images (avatar and logo file names go here)" },
};
