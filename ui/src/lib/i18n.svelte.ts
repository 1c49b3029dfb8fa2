// Chinese by default, English switchable. `t` reads reactive state, so text follows a
// language switch everywhere it is used in markup.
export type Lang = "zh" | "en";

const STORAGE_KEY = "op-console.lang";

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

const state = $state<{ lang: Lang }>({ lang: initialLang() });

export function lang(): Lang {
  return state.lang;
}

export function setLang(next: Lang): void {
  state.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* private mode: the choice lasts for this session */
  }
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
}

/** One text in both languages. */
export type Words = { zh: string; en: string };

/** A sentence for each kind of a generated `{ kind, … }` union, from its parameters. */
export type Table<T extends { kind: string }> = { [K in T["kind"]]: (p: Extract<T, { kind: K }>) => Words };

const TEXT = {
  appTitle: { zh: "Op 客服控制台", en: "Op Console" },
  demoBadge: { zh: "演示数据", en: "Demo data" },
  searchLabel: { zh: "用户 ID", en: "User ID" },
  searchPlaceholder: { zh: "输入用户 ID，回车查询（Ctrl+K 聚焦）", en: "Type a user ID, Enter to look up (Ctrl+K to focus)" },
  searchButton: { zh: "查询", en: "Look up" },
  recentTitle: { zh: "最近查询", en: "Recent lookups" },
  recentClear: { zh: "清空", en: "Clear" },
  recentEmpty: { zh: "还没有查询记录", en: "No lookups yet" },
  settings: { zh: "设置", en: "Settings" },
  close: { zh: "关闭", en: "Close" },
  language: { zh: "English", en: "中文" },
  rawJson: { zh: "原始数据", en: "Raw JSON" },
  rawJsonHint: { zh: "服务器的最近一次回复（已隐去凭据），供技术支持使用", en: "The server's last answer (credentials removed), for support" },
  rawJsonNone: { zh: "没有可显示的回复。", en: "There is no answer to show." },
  showRawAnswer: { zh: "查看原始数据", en: "Show raw answer" },
  fieldWarnings: { zh: "{n} 个字段无法读取", en: "{n} field(s) could not be read" },
  moreWarnings: { zh: "另有 {n} 条未列出", en: "{n} more not listed" },
  moreTags: { zh: "另有 {n} 个", en: "{n} more" },
  moreAddresses: { zh: "另有 {n} 个地址未显示", en: "{n} more addresses not shown" },
  moreContacts: { zh: "另有 {n} 个联系人未显示", en: "{n} more contacts not shown" },
  timeInLocal: { zh: "本机时间", en: "local time" },
  showLocalTime: { zh: "改用本机时间", en: "Show in local time" },
  showApiTime: { zh: "改用接口时区", en: "Show in the API's zone" },
  welcome: { zh: "输入用户 ID 查看其最近一次会话、位置和联系方式。", en: "Type a user ID to see their most recent chat, location and contacts." },
  welcomeDemo: { zh: "演示模式：试试这些用户：", en: "Demo mode: try these users:" },

  chatTitle: { zh: "最近会话", en: "Recent chat" },
  subtitle: { zh: "会话标题", en: "Subtitle" },
  chatId: { zh: "会话 ID", en: "Chat ID" },
  status: { zh: "状态", en: "Status" },
  createdAt: { zh: "创建时间", en: "Created" },
  operator: { zh: "服务客服", en: "Operator" },
  operatorIsMe: { zh: "（我）", en: " (you)" },
  groupId: { zh: "群组 ID", en: "Group ID" },
  inGroup: { zh: "我在群组中", en: "You are in the group" },
  notInGroup: { zh: "我不在群组中", en: "You are not in the group" },
  refChatId: { zh: "关联会话", en: "Related chat" },
  channel: { zh: "来源渠道", en: "Channel" },
  client: { zh: "客户端", en: "Client" },
  clientType: { zh: "客户端类型", en: "Client type" },
  versionCode: { zh: "版本号", en: "Version" },
  none: { zh: "—", en: "—" },
  copy: { zh: "复制", en: "Copy" },
  copied: { zh: "已复制", en: "Copied" },

  locationTitle: { zh: "会话位置", en: "Location" },
  noLocation: { zh: "这次会话没有位置信息。", en: "This chat has no location." },
  tilesUnavailable: { zh: "地图瓦片不可用，仅显示标记和坐标。", en: "Map tiles are unavailable; the marker and coordinates still show." },
  coordinates: { zh: "坐标", en: "Coordinates" },
  openInMap: { zh: "在地图中打开", en: "Open in map" },
  zoomIn: { zh: "放大", en: "Zoom in" },
  zoomOut: { zh: "缩小", en: "Zoom out" },

  userTitle: { zh: "用户", en: "User" },
  userId: { zh: "用户 ID", en: "User ID" },
  serviceCount: { zh: "服务次数", en: "Times served" },
  phone: { zh: "电话", en: "Phone" },
  showPhone: { zh: "显示完整号码", en: "Show full number" },
  tags: { zh: "标签", en: "Tags" },
  addressTitle: { zh: "地址", en: "Address" },
  remark: { zh: "备注", en: "Remark" },
  contactTitle: { zh: "联系人", en: "Contact" },
  noAddresses: { zh: "没有地址", en: "No addresses" },
  noContacts: { zh: "没有联系人", en: "No contacts" },

  shortcutsTitle: { zh: "键盘快捷键", en: "Keyboard shortcuts" },
  shortcutKeys: { zh: "控制台内的快捷键", en: "Shortcuts in the console" },
  shortcutKeysHint: { zh: "每项可写多个按键，用“/”分开，例如 F5 / Ctrl+R；留空则关闭该快捷键。", en: "Several keys per shortcut, separated by “/”, for example F5 / Ctrl+R; leave it empty to turn the shortcut off." },
  shortcutOff: { zh: "（已关闭）", en: "(off)" },
  keyFocusSearch: { zh: "从任何地方聚焦查询框", en: "Focus the search from anywhere" },
  keyLookUp: { zh: "查询", en: "Look up" },
  keyClear: { zh: "清空查询框；关闭对话框", en: "Clear the search; close a dialog" },
  keyBack: { zh: "本次会话中的上一个结果", en: "Previous answer of this session" },
  keyForward: { zh: "本次会话中的下一个结果", en: "Next answer of this session" },
  keyRefresh: { zh: "重新查询当前用户", en: "Ask again for the user on screen" },
  keyCopySummary: { zh: "复制摘要（用于工单）", en: "Copy a summary (for a ticket)" },
  keyShortcuts: { zh: "显示本列表", en: "Show this list" },
  keyHotkey: { zh: "在任何程序中：查询剪贴板中的用户 ID（可在设置中更改）", en: "From any app: look up the user ID on the clipboard (change it in Settings)" },
  keyCloseWindow: { zh: "关闭窗口（如已设置，则隐藏到托盘）", en: "Close the window (or hide it to the tray, if set)" },
  noUserIdOnClipboard: { zh: "剪贴板中没有用户 ID（剪贴板内容开头：“{seen}”）。请复制包含用户 ID 的文字，然后重试。", en: "No user ID on the clipboard (it starts with “{seen}”). Copy text that holds a user ID, then try again." },
  clipboardHoldsCredential: {
    zh: "剪贴板中是一个已保存的令牌或签名密钥，控制台没有查询，也没有显示它。请清除剪贴板，再复制用户 ID。",
    en: "The clipboard holds a saved token or signing secret; the console looked nothing up and shows none of it. Clear the clipboard, then copy the user ID.",
  },
  noTextOnClipboard: { zh: "剪贴板中没有用户 ID：剪贴板是空的，或不是文字。请复制用户 ID，然后重试。", en: "No user ID on the clipboard: it is empty or holds no text. Copy a user ID, then try again." },
  linkUnknownProfile: { zh: "链接要求使用配置“{profile}”，但这台电脑上没有该配置。未发送任何请求。请检查链接，或在设置中导入该配置。", en: "The link asks for the profile “{profile}”, which this computer does not have. Nothing was sent. Check the link, or import the profile in Settings." },
  linkSwitchProfile: { zh: "链接要求在配置“{profile}”中查询 {user}（当前使用“{current}”）。要切换配置并查询吗？", en: "The link asks to look up {user} in the profile “{profile}” (“{current}” is in use). Switch profiles and look it up?" },
  recentUnknownProfile: { zh: "这条记录属于配置“{profile}”，这台电脑上已没有该配置。未发送任何请求。", en: "This entry belongs to the profile “{profile}”, which this computer no longer has. Nothing was sent." },
  recentSwitchProfile: { zh: "这条记录属于配置“{profile}”（当前使用“{current}”）。要切换到该配置并查询 {user} 吗？", en: "This entry belongs to the profile “{profile}” (“{current}” is in use). Switch to it and look up {user}?" },
  recentInProfile: { zh: "配置：{profile}", en: "Profile: {profile}" },
  linkSwitchYes: { zh: "切换并查询", en: "Switch and look up" },
  trayShow: { zh: "显示 Op 客服控制台", en: "Show Op Console" },
  trayLookUpClipboard: { zh: "查询剪贴板中的用户", en: "Look up the clipboard" },
  trayQuit: { zh: "退出", en: "Quit" },
  desktopTitle: { zh: "这台电脑", en: "This computer" },
  updatesTitle: { zh: "更新", en: "Updates" },
  updatesVersion: { zh: "当前版本 {version}", en: "Version {version}" },
  updatesLastCheck: { zh: "上次检查 {time}：{outcome}", en: "Last checked {time}: {outcome}" },
  updatesMirror: { zh: "更新来自组织指定的地址", en: "Updates come from the address your organisation set" },
  updatesCheckNow: { zh: "立即检查", en: "Check now" },
  updatesChecking: { zh: "正在检查…", en: "Checking…" },
  updateAvailable: { zh: "新版本 {version} 可用", en: "Version {version} is available" },
  updateNotes: { zh: "更新说明", en: "Release notes" },
  updateInstall: { zh: "安装并重启", en: "Install and restart" },
  updateLater: { zh: "稍后", en: "Later" },
  updateAskIt: { zh: "此电脑的软件由软件包管理，请联系 IT 安装", en: "A package manager owns this installation; ask IT to install it" },
  updateDownloading: { zh: "正在下载更新…", en: "Downloading the update…" },
  updateDownloadingPercent: { zh: "正在下载更新：{percent}%", en: "Downloading the update: {percent}%" },
  hotkey: { zh: "全局快捷键：查询剪贴板（留空则不使用）", en: "Global hotkey: look up the clipboard (empty: none)" },
  hotkeyHint: { zh: "写法如 Ctrl+Alt+U、Super+F9。Wayland 桌面可能不把全局快捷键交给程序：此时请在系统设置的“键盘快捷键”中添加自定义快捷键，命令为：", en: "Write it like Ctrl+Alt+U or Super+F9. A Wayland desktop may not hand global hotkeys to apps: then add a custom shortcut in the system's keyboard settings with this command:" },
  hotkeyNotActive: { zh: "当前快捷键 {hotkey} 未生效（被其他程序占用，或桌面不支持全局快捷键）。请换一个组合键。", en: "The hotkey {hotkey} is not active (another app holds it, or the desktop has no global hotkeys). Choose another combination." },
  closeToTray: { zh: "关闭窗口时隐藏到托盘（需要桌面显示托盘图标）", en: "Closing the window hides it to the tray (the desktop must show tray icons)" },
  startAtLogin: { zh: "登录时启动", en: "Start at login" },
  resultTools: { zh: "查询结果操作", en: "Result tools" },
  back: { zh: "后退", en: "Back" },
  forward: { zh: "前进", en: "Forward" },
  refresh: { zh: "刷新", en: "Refresh" },
  fetchedAgo: { zh: "{age}获取", en: "fetched {age}" },
  copySummary: { zh: "复制摘要", en: "Copy summary" },
  retry: { zh: "重试", en: "Retry" },
  openSettings: { zh: "打开设置", en: "Open settings" },

  profiles: { zh: "配置", en: "Profiles" },
  newProfile: { zh: "新建配置", en: "New profile" },
  importProfiles: { zh: "从文件导入", en: "Import from file" },
  imported: { zh: "已导入 {n} 个配置", en: "Imported {n} profile(s)" },
  demoProfileNote: { zh: "内置演示配置：连接本机的模拟服务器，无需凭据。", en: "Built-in demo: a simulated server on this machine, no credentials needed." },
  unavailable: { zh: "不可用", en: "unavailable" },
  demoUnavailableNote: { zh: "演示服务器未能启动，演示配置暂不可用；其他配置不受影响。重新启动控制台可再试一次。", en: "The demo server could not start, so the demo is unavailable; other profiles are not affected. Restart the console to try again." },
  use: { zh: "使用此配置", en: "Use this profile" },
  inUse: { zh: "使用中", en: "In use" },
  managedBadge: { zh: "由组织管理", en: "Managed by your organization" },
  managedProfileNote: {
    zh: "此配置由组织管理：可以使用并输入自己的凭据，其他设置由 IT 决定，不能修改或删除。",
    en: "This profile is managed by your organization: you can use it and enter your own credentials; IT decides the rest, and it cannot be changed or deleted.",
  },
  lockedByPolicy: { zh: "由组织策略锁定", en: "Locked by your organization's policy" },
  ownProfilesOff: { zh: "组织的策略不允许自建配置。", en: "Your organization's policy does not allow profiles of your own." },
  importsOff: { zh: "组织的策略不允许导入配置。", en: "Your organization's policy does not allow importing profiles." },
  customerData: { zh: "客户数据", en: "Customer data" },
  clipboardClearSeconds: { zh: "复制的完整号码在剪贴板中保留（秒）", en: "Seconds a copied revealed number stays on the clipboard" },
  locationHeld: { zh: "位置只显示到区县。", en: "The location is shown to its district only." },
  showLocation: { zh: "显示精确位置", en: "Show the exact location" },
  locationPrecision: { zh: "位置显示精度", en: "Location precision" },
  precisionExact: { zh: "精确位置（地址、地图和坐标）", en: "Exact (address, map and coordinates)" },
  precisionDistrict: { zh: "只显示到区县，需要时再显示精确位置", en: "District only; the exact location when revealed" },
  revealReasonSetting: { zh: "显示完整号码前填写原因", en: "Ask for a reason before revealing a number" },
  revealReasonLabel: { zh: "查看原因（记录在查看记录中）", en: "Reason (kept in the reveal journal)" },
  revealConfirm: { zh: "显示", en: "Reveal" },
  revealSeconds: { zh: "完整号码显示时长（秒）", en: "Seconds a revealed number stays shown" },
  summaryIncludesPhone: { zh: "“复制摘要”包含电话号码", en: "“Copy summary” includes the phone number" },
  policiesTitle: { zh: "策略", en: "Policies" },
  policiesHint: {
    zh: "由 IT 在 {path} 设置，操作员不能更改。策略的更改在下次启动控制台时生效。",
    en: "Set by IT in {path}; operators cannot change them. Changes to the policy apply the next time the console starts.",
  },
  policiesNone: { zh: "这台电脑上没有策略（{path} 不存在）：所有设置由操作员决定。", en: "No policy on this computer ({path} does not exist): every setting is the operator's." },
  policyKey: { zh: "策略", en: "Policy" },
  policyValue: { zh: "值", en: "Value" },
  policyLevel: { zh: "级别", en: "Level" },
  policyStatus: { zh: "状态", en: "Status" },
  policyMandatory: { zh: "强制", en: "Mandatory" },
  policyRecommended: { zh: "推荐", en: "Recommended" },
  policyApplied: { zh: "生效", en: "In force" },
  policyFileProblem: { zh: "整个文件", en: "The whole file" },
  policyBanner: {
    zh: "组织的策略文件有 {n} 处问题：能读取的部分照常生效，无法读取的锁按最严格的值生效。详情见 设置 → 策略；请联系 IT。",
    en: "Your organization's policy file has {n} problem(s): what can be read applies, a lock that cannot be read is at its strictest. See Settings → Policies, and tell IT.",
  },
  save: { zh: "保存", en: "Save" },
  saved: { zh: "已保存", en: "Saved" },
  delete: { zh: "删除", en: "Delete" },
  name: { zh: "名称", en: "Name" },
  baseUrl: { zh: "服务地址", en: "Base URL" },
  clientId: { zh: "应用 ID (client)", en: "Client ID" },
  apiVersion: { zh: "接口版本", en: "API version" },
  connection: { zh: "连接", en: "Connection" },
  mapAndImages: { zh: "地图和图片", en: "Map and images" },
  chatDisplay: { zh: "会话显示", en: "Chat display" },
  signRule: { zh: "签名规则", en: "Sign rule" },
  signTemplate: { zh: "签名模板", en: "Sign template" },
  signScheme: { zh: "签名方式", en: "Scheme" },
  signHex: { zh: "十六进制大小写", en: "Hex case" },
  signHexDefault: { zh: "按签名方式的惯例", en: "The scheme's convention" },
  signHexLower: { zh: "小写", en: "Lower case" },
  signHexUpper: { zh: "大写", en: "Upper case" },
  signBodyParam: { zh: "请求体参数名（留空则不签请求体）", en: "Body parameter name (empty: the body is not signed)" },
  signStamp: { zh: "添加时间戳或随机数参数", en: "Add a timestamp or nonce parameter" },
  signStampName: { zh: "参数名", en: "Parameter name" },
  signStampFormat: { zh: "格式", en: "Format" },
  signPreviewUser: { zh: "预览用的用户 ID", en: "User ID for the preview" },
  signPreview: { zh: "将被签名的字符串（令牌显示为 TOKEN，密钥显示为 ***）", en: "The string that would be signed (token shown as TOKEN, secret as ***)" },
  allowInsecureHttp: { zh: "允许明文 http（仅用于无法使用 https 的内部服务器）", en: "Allow plain http (only for internal servers without https)" },
  allowInsecureHttpWarning: { zh: "使用明文 http 时，令牌和签名会以明文经过网络，网络中的任何人都能读取并冒用。只有在 IT 确认这是受保护的内部网络时才允许。", en: "With plain http the token and the sign cross the network readable: anyone on the way can read and reuse them. Allow it only when IT confirms this is a protected internal network." },
  allowInsecureHttpYes: { zh: "我了解风险，允许明文 http", en: "I understand the risk: allow plain http" },
  apiTimeZone: { zh: "接口时区（无时区的时间按此读取和显示）", en: "API time zone (times without a zone are read and shown in it)" },
  chinaStandardTime: { zh: "中国标准时间", en: "China Standard Time" },
  network: { zh: "网络", en: "Network" },
  proxy: { zh: "代理", en: "Proxy" },
  proxySystem: { zh: "系统代理（环境变量）", en: "System proxy (environment)" },
  proxyNone: { zh: "不使用代理", en: "No proxy" },
  proxyUrl: { zh: "指定代理地址", en: "This proxy" },
  caFile: { zh: "附加 CA 证书文件（PEM）", en: "Additional CA certificate file (PEM)" },
  caFileHint: { zh: "系统信任的证书始终有效；公司内部 CA 可在此补充。", en: "The system's trusted certificates always apply; add an internal CA here." },
  coordSystem: { zh: "位置坐标系", en: "Location coordinates" },
  tileUrl: { zh: "地图瓦片地址模板", en: "Map tile URL template" },
  tileAttribution: { zh: "瓦片署名", en: "Tile attribution" },
  tileCoordSystem: { zh: "瓦片坐标系", en: "Tile coordinates" },
  assetBaseUrl: { zh: "图片资源地址", en: "Asset base URL" },
  timeoutMs: { zh: "超时（毫秒）", en: "Timeout (ms)" },
  operatorId: { zh: "我的客服 ID", en: "My operator ID" },
  statusLabels: { zh: "状态标签（每行 代码=名称）", en: "Status labels (one code=label per line)" },
  insecureBaseUrl: { zh: "警告：服务地址使用明文 http，令牌将以明文在网络上传输。", en: "Warning: the base URL is plain http; the token crosses the network unencrypted." },
  insecureAssetUrl: { zh: "警告：图片资源地址使用明文 http。", en: "Warning: the asset URL is plain http." },
  insecureTileUrl: { zh: "警告：地图瓦片地址使用明文 http。", en: "Warning: the tile URL is plain http." },
  credentials: { zh: "凭据（保存在系统钥匙串中）", en: "Credentials (kept in the system keyring)" },
  token: { zh: "令牌 (token)", en: "Token" },
  secret: { zh: "签名密钥", en: "Signing secret" },
  savedState: { zh: "已保存", en: "Saved" },
  notSavedState: { zh: "未保存", en: "Not saved" },
  saveCredentials: { zh: "保存到钥匙串", en: "Save to keyring" },
  forgetCredentials: { zh: "从钥匙串删除", en: "Forget" },
  movedAside: { zh: "文件 {file} {reason}，已移到 {movedTo} 保留。控制台已用默认设置启动（演示配置）；如有需要，请把该文件交给技术支持。", en: "The file {file} {reason}; it was moved to {movedTo} and kept. The console started with its defaults (the demo profile); give that file to support if needed." },
  movedUnreadable: { zh: "无法读取", en: "could not be read" },
  movedCorrupt: { zh: "已损坏", en: "is damaged" },
  movedNewer: { zh: "由更新版本的控制台写入", en: "was written by a newer Op Console" },
  credentialsForOtherServer: { zh: "已保存的凭据属于此配置以前的服务地址，不会发送到现在的地址。请重新输入令牌和签名密钥并保存。", en: "The saved credentials belong to this profile's former server and are not sent to the current one. Enter the token and the signing secret again and save them." },
  keyringWaiting: { zh: "正在等待系统钥匙串解锁……请在弹出的窗口中解锁。", en: "Waiting for the system keyring to be unlocked… unlock it in the window it shows." },
  enterCredentials: { zh: "输入令牌和签名密钥…", en: "Enter token and signing secret…" },
  approvalWaiting: { zh: "请在弹出的“Op Console”窗口中确认。", en: "Confirm in the “Op Console” window that opened." },
  importDeclined: { zh: "没有导入：更改未被确认。", en: "Nothing was imported: the changes were not confirmed." },
  saveDeclined: { zh: "没有保存：地图瓦片或图片地址的更改未被确认。", en: "Not saved: the change of map tile or image hosts was not confirmed." },
  credentialsWindowClosed: { zh: "凭据窗口已关闭。", en: "The credentials window was closed." },
  trustedTitleCredentials: { zh: "输入“{name}”的令牌和签名密钥", en: "Token and signing secret of “{name}”" },
  trustedWhere: { zh: "它们只会发送到下面这个目的地；控制台的主窗口看不到这里输入的内容。", en: "They will be sent to this destination only; the console's main window never sees what is typed here." },
  trustedNothing: { zh: "没有需要确认的事项。可以关闭此窗口。", en: "Nothing waits for you. You can close this window." },
  trustedApply: { zh: "应用这些更改", en: "Apply these changes" },
  trustedKeep: { zh: "不更改", en: "Keep everything as it is" },
  trustedChangesIntro: { zh: "确认之前，什么都不会改变，也不会向新的地址发送任何内容。", en: "Until you confirm, nothing changes and nothing is sent to a new place." },
  changeSourceSettingsImport: { zh: "在设置中选择的配置文件会更改以下内容：", en: "The profiles file picked in Settings would change the following:" },
  changeSourceStartUp: { zh: "启动时 IT 提供的配置文件会更改以下内容：", en: "The profiles file IT gave at start-up would change the following:" },
  changeSourceSecondLaunch: { zh: "另一个程序交给控制台的配置文件会更改以下内容：", en: "A profiles file another program handed to the console would change the following:" },
  changeSourceSettingsSave: { zh: "设置中的更改会把数据发送到新的地址：", en: "The change made in Settings would send data to new places:" },
  changeAdded: { zh: "新配置“{name}”", en: "New profile “{name}”" },
  changeChanged: { zh: "配置“{name}”", en: "Profile “{name}”" },
  changeLooksLike: { zh: "注意：它的名称与已有的配置“{other}”几乎相同，容易混淆。", en: "Careful: its name is nearly the same as the existing profile “{other}”." },
  changeCredentialsUnusable: { zh: "它已保存的凭据将不再发送，需要重新输入。", en: "Its saved credentials will no longer be sent and must be entered again." },
  changeSelected: { zh: "正在使用的配置：{from} → {to}", en: "Profile in use: {from} → {to}" },
  flowNone: { zh: "（无）", en: "(none)" },
  cancel: { zh: "取消", en: "Cancel" },
  testConnection: { zh: "测试连接", en: "Test connection" },
  testUserId: { zh: "用于测试的用户 ID", en: "User ID to test with" },
  testOk: { zh: "连接正常：找到了该用户的会话。", en: "Connection works: the user's chat was found." },
} satisfies Record<string, Words>;

export type TextKey = keyof typeof TEXT;

/** Puts each `{name}` of `template` in place. */
function fill(template: string, params: Record<string, string | number>): string {
  let text = template;
  for (const [name, value] of Object.entries(params)) text = text.replace(`{${name}}`, String(value));
  return text;
}

export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  return fill(TEXT[key][state.lang], params);
}
