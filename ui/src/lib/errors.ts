// Every error the backend can send, as the operator reads it: one sentence per code (and
// per reason within a code) in Chinese and English, with the next step. The backend sends
// codes and parameters only; its English `message` is for logs and never shown here.
// The tables are typed by the generated unions, so a code or reason without a sentence
// fails `svelte-check`.
import type {
  ConfigProblem,
  CredentialKind,
  ErrorBody,
  ErrorCode,
  LookupFailure,
  ImportProblem,
  KeyAction,
  PolicyKey,
  LinkProblem,
  ProfileField,
  ProfileProblem,
  SignRuleProblem,
  TlsCause,
  UrlProblem,
  UserIdProblem,
} from "../bindings";
import { lang, type Lang, type Table, type Words } from "./i18n.svelte";

/** The next step an error suggests: the UI shows a button for it. */
export type NextStep = "retry" | "settings" | null;

/** A failure the page saw that is not one of the backend's (Tauri's own, a bug). */
export type UnexpectedError = { code: "internal"; message: string; hasRawAnswer?: false };
/** An error as the page shows it: a command's, a lookup's (with its ID and the recent list), or Tauri's own. */
export type ShownError = ErrorBody | LookupFailure | UnexpectedError;

/** The lookup an error belongs to, when it got that far (its raw answer is asked for by it). */
export function lookupIdOf(error: ShownError): number | null {
  return "lookupId" in error ? error.lookupId : null;
}

type ErrorOf<C extends ErrorCode> = Extract<ErrorBody, { code: C }>;

export const FIELD_LABELS: Record<ProfileField, Words> = {
  id: { zh: "配置 ID", en: "profile ID" },
  name: { zh: "名称", en: "name" },
  baseUrl: { zh: "服务地址", en: "base URL" },
  clientId: { zh: "应用 ID (client)", en: "client ID" },
  apiVersion: { zh: "接口版本", en: "API version" },
  signRule: { zh: "签名规则", en: "sign rule" },
  connectTimeoutMs: { zh: "连接超时", en: "connect timeout" },
  timeoutMs: { zh: "超时", en: "timeout" },
  statusLabels: { zh: "状态标签", en: "status labels" },
  operatorId: { zh: "我的客服 ID", en: "operator ID" },
  assetBaseUrl: { zh: "图片资源地址", en: "asset base URL" },
  tiles: { zh: "地图瓦片", en: "map tiles" },
  apiUtcOffsetMinutes: { zh: "接口时区", en: "API time zone" },
  proxy: { zh: "代理", en: "proxy" },
  caFile: { zh: "CA 证书文件", en: "CA certificate file" },
};

/** The policy's keys, as the Policies section and a lock's reason name them. */
export const POLICY_KEYS: Record<PolicyKey, Words> = {
  managedProfiles: { zh: "由组织管理的配置", en: "Managed profiles" },
  allowedHosts: { zh: "允许的地址", en: "Allowed hosts" },
  allowOwnProfiles: { zh: "允许自建配置", en: "Own profiles allowed" },
  allowImports: { zh: "允许导入", en: "Imports allowed" },
  demo: { zh: "演示模式", en: "Demo mode" },
  proxy: { zh: "代理", en: "Proxy" },
  caFile: { zh: "CA 证书文件", en: "CA certificate file" },
  hotkey: { zh: "全局快捷键", en: "Global hotkey" },
  closeToTray: { zh: "关闭时隐藏到托盘", en: "Close to the tray" },
  startAtLogin: { zh: "登录时启动", en: "Start at login" },
  phoneReveal: { zh: "显示完整号码", en: "Revealing phone numbers" },
  revealReason: { zh: "显示号码前填写原因", en: "A reason before revealing" },
  revealSeconds: { zh: "号码显示时长", en: "How long a number shows" },
  summaryIncludesPhone: { zh: "摘要包含电话", en: "Phone in the summary" },
  clipboardClearSeconds: { zh: "剪贴板清除时间", en: "Clipboard cleared after" },
  locationPrecision: { zh: "位置精度", en: "Location precision" },
  rawAnswer: { zh: "原始数据视图", en: "Raw answer view" },
  updates: { zh: "更新", en: "Updates" },
};

/** The shortcuts' actions, as the keymap editor and its errors name them. */
export const KEY_ACTIONS: Record<KeyAction, Words> = {
  focusSearch: { zh: "聚焦搜索框", en: "Focus the search" },
  back: { zh: "上一个结果", en: "Previous answer" },
  forward: { zh: "下一个结果", en: "Next answer" },
  refresh: { zh: "重新查询", en: "Look up again" },
  copySummary: { zh: "复制摘要", en: "Copy summary" },
  closeWindow: { zh: "关闭窗口", en: "Close the window" },
  showShortcuts: { zh: "显示快捷键列表", en: "Show the shortcuts" },
};

const CREDENTIALS: Record<CredentialKind, Words> = {
  token: { zh: "令牌", en: "token" },
  secret: { zh: "签名密钥", en: "signing secret" },
};

const URL_PROBLEMS: Table<UrlProblem> = {
  notUrl: () => ({ zh: "不是有效的网址", en: "is not a valid URL" }),
  scheme: () => ({ zh: "必须以 http:// 或 https:// 开头", en: "must start with http:// or https://" }),
  noHost: () => ({ zh: "缺少主机名", en: "has no host name" }),
  userInfo: () => ({ zh: "不能包含用户名或密码", en: "must not contain a user name or password" }),
  queryOrFragment: () => ({ zh: "不能包含“?”或“#”", en: "must not contain “?” or “#”" }),
};

const SIGN_RULE_PROBLEMS: Table<SignRuleProblem> = {
  templateUnclosed: () => ({ zh: "签名模板中有“{”缺少对应的“}”", en: "the sign template has a “{” without its “}”" }),
  templateStrayBrace: () => ({ zh: "签名模板中有多余的“}”（字面的括号请写成“}}”）", en: "the sign template has a “}” without its “{” (write “}}” for a brace)" }),
  templateUnknownPlaceholder: (p) => ({
    zh: `签名模板中的占位符 {${p.name}} 无法识别`,
    en: `the sign template's placeholder {${p.name}} is unknown`,
  }),
  templateNoSecret: () => ({ zh: "签名模板必须包含 {secret}", en: "the sign template must contain {secret}" }),
  badParamName: (p) => ({
    zh: `${p.param === "body" ? "请求体参数" : "时间戳/随机数参数"}的名称“${p.name}”只能使用字母、数字、_ 和 -`,
    en: `the ${p.param === "body" ? "body" : "timestamp/nonce"} parameter's name “${p.name}” may only use letters, digits, _ and -`,
  }),
  reservedStampName: (p) => ({
    zh: `时间戳/随机数参数不能命名为“${p.name}”`,
    en: `the timestamp/nonce parameter cannot be named “${p.name}”`,
  }),
};

const PROFILE_PROBLEMS: Table<ProfileProblem> = {
  idFormat: (p) => ({ zh: `请使用 1 到 ${p.maxChars} 个小写字母、数字或“-”`, en: `use 1 to ${p.maxChars} of a–z, 0–9 and “-”` }),
  length: (p) => ({ zh: `请输入 1 到 ${p.maxChars} 个字符`, en: `enter 1 to ${p.maxChars} characters` }),
  tooLong: (p) => ({ zh: `最多 ${p.maxChars} 个字符`, en: `use at most ${p.maxChars} characters` }),
  url: (p) => words((l) => `${l === "zh" ? "网址" : "the URL "}${URL_PROBLEMS[p.problem.kind](p.problem as never)[l]}`),
  clientIdFormat: (p) => ({ zh: `请输入应用 ID（最多 ${p.maxChars} 个字母和数字，不含空格）`, en: `enter the application id (up to ${p.maxChars} letters and digits, no spaces)` }),
  apiVersionFormat: (p) => ({ zh: `最多 ${p.maxChars} 个字母和数字，例如 01`, en: `use up to ${p.maxChars} letters and digits, for example 01` }),
  signRule: (p) => signRuleProblem(p.problem),
  outOfRange: (p) => ({ zh: `请选择 ${p.min} 到 ${p.max} 毫秒之间的值`, en: `choose between ${p.min} and ${p.max} ms` }),
  statusLabel: (p) => ({
    zh: `每个状态代码需要 1 到 ${p.maxCodeChars} 个字符，名称最多 ${p.maxLabelChars} 个字符`,
    en: `each status code needs 1 to ${p.maxCodeChars} characters and a label of at most ${p.maxLabelChars}`,
  }),
  tilePlaceholder: (p) => ({ zh: `瓦片地址模板缺少 ${p.placeholder}`, en: `the tile URL template needs ${p.placeholder}` }),
  utcOffset: () => ({ zh: "请选择 UTC−12:00 到 UTC+14:00 之间的整刻钟时区", en: "choose a zone between UTC−12:00 and UTC+14:00, in whole quarter hours" }),
  insecureHttp: () => ({
    zh: "明文 http:// 会把令牌以明文发送到其他机器。请改用 https://；如果确有必要，请在设置中勾选“允许明文 http”并确认",
    en: "plain http:// would send the token readable to another machine. Use https://; if you must, tick “Allow plain http” in Settings and confirm",
  }),
  proxyScheme: () => ({ zh: "请使用 http://、https:// 或 socks5:// 开头的代理地址", en: "use a proxy address starting with http://, https:// or socks5://" }),
  caFileUnreadable: () => ({ zh: "无法读取该文件，请检查路径和权限", en: "the file cannot be read; check the path and its permissions" }),
  caFileNoCertificate: () => ({ zh: "文件中没有可用的 PEM 格式证书（-----BEGIN CERTIFICATE-----），请向 IT 索取正确的 CA 文件", en: "the file holds no usable PEM certificate (-----BEGIN CERTIFICATE-----); ask IT for the right CA file" }),
};

const CONFIG_PROBLEMS: Table<ConfigProblem> = {
  baseUrl: (p) => words((l) => `${l === "zh" ? "服务地址" : "The base URL "}${URL_PROBLEMS[p.problem.kind](p.problem as never)[l]}${l === "zh" ? "。请在设置中修改。" : ". Correct it in Settings."}`),
  clientId: () => ({ zh: "应用 ID 为空。请在设置中填写。", en: "The client ID is empty. Fill it in in Settings." }),
  apiVersion: () => ({ zh: "接口版本为空。请在设置中填写。", en: "The API version is empty. Fill it in in Settings." }),
  timeout: () => ({ zh: "超时设置为 0。请在设置中修改。", en: "A timeout is zero. Change it in Settings." }),
  bodyLimit: () => ({ zh: "回复大小上限为 0。请联系技术支持。", en: "The answer size limit is zero. Contact support." }),
  signRule: (p) => words((l) => `${l === "zh" ? "签名规则无法使用：" : "The sign rule cannot be used: "}${signRuleProblem(p.problem)[l]}${l === "zh" ? "。请在设置中修改。" : ". Correct it in Settings."}`),
  noToken: () => ({ zh: "此配置还没有保存令牌。请在设置中输入令牌并保存到钥匙串。", en: "No token is saved for this profile. Enter it in Settings and save it to the keyring." }),
  noSecret: () => ({ zh: "此配置还没有保存签名密钥。请在设置中输入并保存到钥匙串。", en: "No signing secret is saved for this profile. Enter it in Settings and save it to the keyring." }),
  noCredentials: () => ({ zh: "此配置还没有保存令牌和签名密钥。请在设置中输入并保存到钥匙串。", en: "No token or signing secret is saved for this profile. Enter them in Settings and save them to the keyring." }),
  httpClient: () => ({ zh: "网络组件无法启动。请重启控制台；如果仍然失败，请联系 IT。", en: "The network component could not start. Restart the console; if it keeps failing, contact IT." }),
  // No path: the file was read, but what it holds cannot be trusted.
  caFile: (p) =>
    p.path
      ? { zh: `无法读取配置的 CA 证书文件 ${p.path}。请检查文件是否还在，或在设置中修改。`, en: `The profile's CA certificate file ${p.path} cannot be read. Check that it is still there, or change it in Settings.` }
      : { zh: "配置的 CA 证书文件中没有可以使用的证书。请向 IT 索取正确的 CA 文件，或在设置中修改。", en: "The profile's CA certificate file holds no certificate that can be used. Ask IT for the right CA file, or change it in Settings." },
  proxyUrl: (p) => ({ zh: `代理地址 ${p.url} 无法使用。请在设置中修改。`, en: `The proxy address ${p.url} cannot be used. Correct it in Settings.` }),
};

const TLS_CAUSES: Record<TlsCause, Words> = {
  unknownIssuer: { zh: "这台电脑不信任服务器的证书（可能是公司内部 CA 或 TLS 检查代理）。请向 IT 索取 CA 证书文件，并在设置中填写。", en: "This computer does not trust the server's certificate (an internal CA or a TLS-inspecting proxy). Ask IT for the CA certificate file and set it in Settings." },
  nameMismatch: { zh: "服务器证书上的名称与服务地址不符。请检查服务地址，或联系 IT。", en: "The server's certificate is for another name than the base URL. Check the base URL, or contact IT." },
  expired: { zh: "服务器的证书已过期或尚未生效。请检查这台电脑的日期和时间；如果正确，请联系 IT。", en: "The server's certificate has expired or is not valid yet. Check this computer's date and time; if they are right, contact IT." },
  other: { zh: "与服务器的安全连接 (TLS) 失败。请联系 IT。", en: "The secure (TLS) connection to the server failed. Contact IT." },
};

const IMPORT_PROBLEMS: Table<ImportProblem> = {
  unreadable: (p) => ({ zh: `无法读取文件 ${p.path}。请检查路径和权限。`, en: `The file ${p.path} cannot be read. Check the path and its permissions.` }),
  tooLarge: (p) => ({ zh: `文件太大（超过 ${Math.round(p.maxBytes / 1024)} KiB），不是配置文件。`, en: `The file is too large (over ${Math.round(p.maxBytes / 1024)} KiB) to be a profiles file.` }),
  newerVersion: (p) => ({ zh: `该文件是为更新版本的控制台写的（格式 ${p.version}）。请先安装最新版本。`, en: `The file was written for a newer Op Console (format ${p.version}). Install the latest version first.` }),
  unknownKey: (p) => ({ zh: `文件中的“${p.path}”不是控制台认识的设置项，可能是拼写错误。请改正后再导入。`, en: `“${p.path}” in the file is not a setting the console knows; perhaps a typo. Correct it and import again.` }),
  credentialKey: (p) => ({ zh: `文件中的“${p.path}”看起来是凭据。凭据绝不能放在配置文件里：请删除它，并让每位客服在设置中自行输入。`, en: `“${p.path}” in the file looks like a credential. Credentials never go in a profiles file: remove it, and let each operator enter their own in Settings.` }),
  notJson: (p) => ({ zh: `这不是 JSON 文件（第 ${p.line} 行第 ${p.column} 列出错）。`, en: `This is not a JSON file (error at line ${p.line}, column ${p.column}).` }),
  notAnObject: () => ({ zh: "这不是配置文件：应为包含“profiles”的 JSON 对象。", en: "This is not a profiles file: expected a JSON object with “profiles”." }),
  wrongShape: (p) => ({ zh: `这不是有效的配置文件：${p.path} 处的值无效。`, en: `This is not a valid profiles file: the value at ${p.path} is not valid.` }),
  noProfiles: () => ({ zh: "文件中没有任何配置。", en: "The file lists no profiles." }),
  invalidProfile: (p) => words((l) =>
    l === "zh"
      ? `配置“${p.id}”的“${FIELD_LABELS[p.field].zh}”无效：${profileProblem(p.problem).zh}。`
      : `Profile “${p.id}”: its ${FIELD_LABELS[p.field].en} is not valid: ${profileProblem(p.problem).en}.`,
  ),
  reservedId: (p) => ({ zh: `配置 ID“${p.id}”保留给内置演示配置。`, en: `The profile ID “${p.id}” is reserved for the built-in demo.` }),
  duplicate: (p) => ({ zh: `配置“${p.id}”出现了两次。`, en: `Profile “${p.id}” is listed twice.` }),
  selectedMissing: (p) => ({ zh: `选中的配置“${p.id}”不在文件中。`, en: `The selected profile “${p.id}” is not in the file.` }),
};

const USER_ID_PROBLEMS: Table<UserIdProblem> = {
  empty: () => ({ zh: "请输入用户 ID。", en: "Enter a user ID." }),
  tooLong: (p) => ({ zh: `用户 ID 太长（${p.chars} 个字符，最多 ${p.max} 个）。`, en: `The user ID is too long (${p.chars} characters, at most ${p.max}).` }),
  badCharacter: (p) => ({
    zh: `第 ${p.position} 个字符“${p.character}”不允许：只能使用字母、数字、_ - .`,
    en: `Character ${p.position} (“${p.character}”) is not allowed: use letters, digits, _ - .`,
  }),
};

type Entry<C extends ErrorCode> = { text: (e: ErrorOf<C>) => Words; next: NextStep };

const ERRORS: { [C in ErrorCode]: Entry<C> } = {
  invalid_user_id: { text: (e) => userIdProblem(e.problem), next: null },
  not_configured: { text: (e) => CONFIG_PROBLEMS[e.problem.kind](e.problem as never), next: "settings" },
  connect: { text: () => ({ zh: "无法连接到 Op API 服务器。请检查网络和配置中的服务地址。", en: "Could not connect to the Op API server. Check the network and the profile's base URL." }), next: "retry" },
  timeout: { text: (e) => ({ zh: `Op API 服务器在 ${seconds(e.afterMs)} 秒内没有响应。请稍后重试。`, en: `The Op API server did not answer within ${seconds(e.afterMs)} s. Try again in a moment.` }), next: "retry" },
  tls: { text: (e) => TLS_CAUSES[e.cause], next: "settings" },
  redirect: {
    text: (e) => ({
      zh: `服务器把请求转向了${e.host ? ` ${e.host}` : "别处"}（HTTP ${e.status}）。为保护令牌，控制台没有跟随。请检查设置中的服务地址，或联系 IT。`,
      en: `The server redirected the request${e.host ? ` to ${e.host}` : " elsewhere"} (HTTP ${e.status}). To protect the token the console did not follow. Check the base URL in Settings, or contact IT.`,
    }),
    next: "settings",
  },
  http_status: { text: (e) => ({ zh: `服务器返回了 HTTP ${e.status} 错误。请稍后重试。`, en: `The server answered with HTTP error ${e.status}. Try again in a moment.` }), next: "retry" },
  decode: {
    // An empty path is the whole answer (not JSON, or not the API's envelope): worded, never shown as a path.
    text: (e) =>
      e.path === ""
        ? { zh: "服务器的回复无法解析：整个回复不是 Op API 的格式。请联系技术支持。", en: "The server's answer could not be read: the answer as a whole is not in the Op API's format. Contact support." }
        : { zh: `服务器的回复无法解析（字段 ${e.path}）。请联系技术支持。`, en: `The server's answer could not be read (field ${e.path}). Contact support.` },
    next: null,
  },
  too_large: { text: (e) => ({ zh: `服务器的回复超过 ${mebibytes(e.limitBytes)} MB，已停止接收。请联系技术支持。`, en: `The server's answer was larger than ${mebibytes(e.limitBytes)} MB and was stopped. Contact support.` }), next: "retry" },
  content_encoding: { text: (e) => ({ zh: `服务器以“${e.encoding}”压缩格式返回了回复，控制台没有请求压缩，因此没有读取。请联系 API 提供方关闭该压缩，或联系技术支持。`, en: `The server sent its answer compressed as “${e.encoding}”, which the console did not ask for, so it was not read. Ask the API's provider to turn that compression off, or contact support.` }), next: null },
  interrupted: { text: () => ({ zh: "接收回复时连接中断。请重试。", en: "The connection broke while the answer arrived. Try again." }), next: "retry" },
  api: {
    text: (e) => ({
      zh: `Op API 拒绝了请求（代码 ${e.apiCode}${e.status != null ? `，HTTP ${e.status}` : ""}）：${e.apiMessage || "（无说明）"}`,
      en: `The Op API refused the request (code ${e.apiCode}${e.status != null ? `, HTTP ${e.status}` : ""}): ${e.apiMessage || "(no message)"}`,
    }),
    next: "settings",
  },
  no_chat: { text: () => ({ zh: "该用户最近没有会话。", en: "This user has no recent chat." }), next: null },
  invalid_profile: {
    text: (e) => words((l) =>
      l === "zh"
        ? `配置的“${FIELD_LABELS[e.field].zh}”无效：${profileProblem(e.problem).zh}。`
        : `The profile's ${FIELD_LABELS[e.field].en} is not valid: ${profileProblem(e.problem).en}.`,
    ),
    next: null,
  },
  profile_not_found: { text: (e) => ({ zh: `找不到配置“${e.id}”，可能已被删除。`, en: `The profile “${e.id}” no longer exists.` }), next: "settings" },
  demo_read_only: { text: () => ({ zh: "演示配置是内置的，不能修改或删除。", en: "The demo profile is built in and cannot be changed or deleted." }), next: null },
  invalid_import: {
    text: (e) => words((l) => `${l === "zh" ? "无法导入该文件：" : "The file could not be imported: "}${IMPORT_PROBLEMS[e.problem.kind](e.problem as never)[l]}`),
    next: null,
  },
  credentials_for_other_server: {
    text: (e) => ({
      zh: `令牌和签名密钥是为 ${e.savedFor} 保存的，但此配置现在指向 ${e.profileServer}。为保护凭据，控制台没有发送任何请求。如果新地址正确，请在设置中重新输入令牌和签名密钥（两项都要）并保存。`,
      en: `The token and signing secret were saved for ${e.savedFor}, but this profile now points to ${e.profileServer}. To protect them, the console sent nothing. If the new address is right, enter the token and the signing secret again in Settings (both) and save them.`,
    }),
    next: "settings",
  },
  empty_credential: {
    text: (e) => ({
      zh: `${CREDENTIALS[e.credential].zh}为空。请输入值；如要删除，请使用“从钥匙串删除”。`,
      en: `The ${CREDENTIALS[e.credential].en} is empty. Enter a value; to remove it, use Forget.`,
    }),
    next: null,
  },
  keyring_unavailable: { text: () => ({ zh: "系统钥匙串不可用。请在桌面会话中启动 GNOME Keyring 或 KWallet（Windows、macOS 自带），然后重试。", en: "No system keyring is available. Start GNOME Keyring or KWallet in your desktop session (Windows and macOS have one built in), then try again." }), next: "retry" },
  keyring_locked: { text: () => ({ zh: "系统钥匙串已锁定。请用登录密码解锁（例如在“密码和密钥”中），然后重试。", en: "The system keyring is locked. Unlock it with your login password (for example in Passwords and Keys), then try again." }), next: "retry" },
  keyring_timeout: { text: (e) => ({ zh: `系统钥匙串在 ${seconds(e.afterMs)} 秒内没有响应，可能正在等待解锁窗口。请解锁后重试。`, en: `The system keyring did not answer within ${seconds(e.afterMs)} s; it may be waiting for an unlock prompt. Unlock it, then try again.` }), next: "retry" },
  keyring_error: { text: () => ({ zh: "系统钥匙串出错。请重试；如果仍然失败，请联系 IT。", en: "The system keyring failed. Try again; if it keeps failing, contact IT." }), next: "retry" },
  storage: { text: (e) => ({ zh: `无法读写 ${e.path}。请检查磁盘空间和文件夹权限，然后重试。`, en: `Op Console could not read or write ${e.path}. Check the free disk space and the folder's permissions, then try again.` }), next: "retry" },
  demo_unavailable: { text: () => ({ zh: "演示服务器无法启动。请重试；真实配置不受影响。", en: "The demo server could not start. Try again; real profiles are not affected." }), next: "retry" },
  open_failed: { text: () => ({ zh: "无法打开地图。请检查系统是否设置了默认浏览器。", en: "The map could not be opened. Check that the system has a default browser." }), next: null },
  copy_failed: { text: () => ({ zh: "无法复制到剪贴板。请重试。", en: "The text could not be copied to the clipboard. Try again." }), next: null },
  image_refused: { text: () => ({ zh: "图片地址不在配置允许的范围内，未加载。", en: "The image is not under the profile's tile or asset URL and was not loaded." }), next: null },
  image_failed: { text: () => ({ zh: "图片无法加载。", en: "The image could not be loaded." }), next: "retry" },
  hotkey_invalid: {
    text: (e) => ({
      zh: `“${e.combination}”不是有效的组合键。请写成修饰键加一个键，例如 Ctrl+Alt+U 或 Super+F9。`,
      en: `“${e.combination}” is not a key combination. Write modifiers and one key, for example Ctrl+Alt+U or Super+F9.`,
    }),
    next: null,
  },
  approval_outdated: {
    text: () => ({
      zh: "这个确认已过时：之后有新的请求，或配置已被更改。什么都没有改变。请重新操作。",
      en: "This confirmation is out of date: a newer request came, or the profiles changed since. Nothing was changed. Do it again.",
    }),
    next: null,
  },
  lookup_gone: {
    text: () => ({ zh: "这次查询的结果已不再保留（之后又做了很多次查询）。请重新查询。", en: "That lookup's result is no longer kept (many lookups were made since). Look it up again." }),
    next: "retry",
  },
  hotkey_reserved: {
    text: (e) => ({
      zh: `“${e.combination}”是其他程序需要的组合键（复制、粘贴、撤销、切换窗口等），不能用作全局快捷键。请改用 Ctrl+Alt 或 Super 加一个键，例如 Ctrl+Alt+U 或 Super+F9。`,
      en: `“${e.combination}” is a combination other programs need (copy, paste, undo, switching windows, …) and cannot be the global hotkey. Use Ctrl+Alt or Super with a key, for example Ctrl+Alt+U or Super+F9.`,
    }),
    next: null,
  },
  seconds_out_of_range: {
    text: (e) => ({ zh: `秒数必须在 ${e.min} 到 ${e.max} 之间。`, en: `The number of seconds must be between ${e.min} and ${e.max}.` }),
    next: null,
  },
  reveal_reason_required: {
    text: () => ({ zh: "显示完整号码前请填写原因（会记录在查看记录中）。", en: "Give a reason before revealing the number (it is kept in the reveal journal)." }),
    next: null,
  },
  policy_locked: {
    text: (e) => ({
      zh: `组织的策略锁定了“${POLICY_KEYS[e.key].zh}”，此更改未被接受。如需更改，请联系 IT。`,
      en: `Your organization's policy locks “${POLICY_KEYS[e.key].en}”; the change was refused. Ask IT if it needs to change.`,
    }),
    next: null,
  },
  host_not_allowed: {
    text: (e) => ({
      zh: `组织的策略不允许向 ${e.host} 发送数据，未发送任何内容。请使用 IT 允许的地址，或联系 IT。`,
      en: `Your organization's policy does not allow sending data to ${e.host}; nothing was sent. Use an address IT allows, or ask IT.`,
    }),
    next: null,
  },
  key_invalid: {
    text: (e) => ({
      zh: `“${e.key}”不是有效的按键。请写成修饰键（Ctrl、Alt、Shift、Meta）加一个键，例如 Ctrl+K、Alt+ArrowLeft、F5；多个按键用“/”分开。`,
      en: `“${e.key}” is not a key. Write modifiers (Ctrl, Alt, Shift, Meta) and one key, for example Ctrl+K, Alt+ArrowLeft or F5; separate several keys with “/”.`,
    }),
    next: null,
  },
  key_twice: {
    text: (e) => ({
      zh: `按键 ${e.key} 不能同时用于“${KEY_ACTIONS[e.first].zh}”和“${KEY_ACTIONS[e.second].zh}”。请为其中一个换一个按键。`,
      en: `The key ${e.key} cannot do both “${KEY_ACTIONS[e.first].en}” and “${KEY_ACTIONS[e.second].en}”. Give one of them another key.`,
    }),
    next: null,
  },
  user_id_is_credential: {
    text: () => ({
      zh: "这是一个已保存的令牌或签名密钥，不是用户 ID；控制台没有查询，也没有记录。请清除剪贴板中的凭据，再复制用户 ID。",
      en: "This is a saved token or signing secret, not a user ID; nothing was looked up or recorded. Clear the credential from the clipboard and copy the user ID.",
    }),
    next: null,
  },
  hotkey_taken: {
    text: (e) => ({
      zh: `组合键 ${e.combination} 已被其他程序占用，或桌面不允许使用。请换一个组合键；原来的快捷键保持不变。`,
      en: `The combination ${e.combination} is taken by another app or refused by the desktop. Choose another; the previous hotkey stays as it was.`,
    }),
    next: null,
  },
  autostart_failed: { text: () => ({ zh: "无法更改“登录时启动”。请检查主目录中 .config/autostart 文件夹的权限，然后重试。", en: "Starting at login could not be changed. Check the permissions of the .config/autostart folder in your home folder, then try again." }), next: "retry" },
};

function words(sentence: (l: Lang) => string): Words {
  return { zh: sentence("zh"), en: sentence("en") };
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

function mebibytes(bytes: number): string {
  return String(Math.round((bytes / 1048576) * 10) / 10);
}

function signRuleProblem(problem: SignRuleProblem): Words {
  return SIGN_RULE_PROBLEMS[problem.kind](problem as never);
}

export function profileProblem(problem: ProfileProblem): Words {
  return PROFILE_PROBLEMS[problem.kind](problem as never);
}

function userIdProblem(problem: UserIdProblem): Words {
  return USER_ID_PROBLEMS[problem.kind](problem as never);
}

/** The sentence for a user-ID problem found before sending. */
export function userIdProblemText(problem: UserIdProblem): string {
  return userIdProblem(problem)[lang()];
}

/** The label of a profile field, as the settings screen shows it. */
export function fieldLabel(field: ProfileField): string {
  return FIELD_LABELS[field][lang()];
}

/** The operator's sentence for an error, and its next step. Never a raw code alone. */
export function errorText(error: ShownError): { text: string; next: NextStep } {
  if (error.code === "internal" || !(error.code in ERRORS)) {
    return {
      text: lang() === "zh" ? `出现意外错误（${error.code}）。请重试或联系技术支持。` : `Something unexpected went wrong (${error.code}). Try again or contact support.`,
      next: "retry",
    };
  }
  const entry = ERRORS[error.code] as Entry<ErrorCode>;
  return { text: entry.text(error as never)[lang()], next: entry.next };
}

const LINK_PROBLEMS: Table<LinkProblem> = {
  notALink: () => ({ zh: "这不是 Op 控制台的链接（应为 opconsole://lookup/用户ID）。", en: "This is not an Op Console link (expected opconsole://lookup/<user ID>)." }),
  tooLong: (p) => ({ zh: `链接太长（超过 ${p.maxChars} 个字符）。`, en: `The link is too long (over ${p.maxChars} characters).` }),
  unknownAction: (p) => ({ zh: `链接要求的操作“${p.action}”无法识别，只支持 lookup。`, en: `The link asks for “${p.action}”; only lookup is supported.` }),
  noUserId: () => ({ zh: "链接中没有用户 ID（应为 opconsole://lookup/用户ID）。", en: "The link holds no user ID (expected opconsole://lookup/<user ID>)." }),
  badUserId: (p) => words((l) => `${l === "zh" ? "链接中的用户 ID 无效：" : "The link's user ID is not valid: "}${userIdProblem(p.problem)[l]}`),
  badProfile: () => ({ zh: "链接中的 profile= 不是有效的配置 ID（小写字母、数字和“-”）。", en: "The link's profile= is not a profile ID (a–z, 0–9 and “-”)." }),
  unknownParameter: (p) => ({ zh: `链接中的参数“${p.name}”无法识别，只支持 profile=。请检查链接是否拼写正确。`, en: `The link's parameter “${p.name}” is unknown; only profile= is supported. Check the link's spelling.` }),
};

/** Why a link from another app was not followed; nothing was sent. */
export function linkProblemText(problem: LinkProblem): string {
  const text = LINK_PROBLEMS[problem.kind](problem as never)[lang()];
  if (lang() === "en") return `${text} Nothing was sent.`;
  return `${text}${text.endsWith("。") ? "" : "。"}未发送任何请求。`;
}

/** Every reason the tables word, by table: tests check that each has a realistic sample. */
export const REASON_KINDS = {
  code: Object.keys(ERRORS),
  urlProblem: Object.keys(URL_PROBLEMS),
  signRuleProblem: Object.keys(SIGN_RULE_PROBLEMS),
  profileProblem: Object.keys(PROFILE_PROBLEMS),
  configProblem: Object.keys(CONFIG_PROBLEMS),
  importProblem: Object.keys(IMPORT_PROBLEMS),
  userIdProblem: Object.keys(USER_ID_PROBLEMS),
  profileField: Object.keys(FIELD_LABELS),
  tlsCause: Object.keys(TLS_CAUSES),
};
