// The trusted window's calls: only the commands its capability grants (generated list).
import type { ApprovalDone, ApprovalRequest } from "../bindings";
import { callTrusted as call } from "../lib/api";

export const trustedApi = {
  request: () => call<ApprovalRequest | null>("approval_request"),
  approve: (requestId: number) => call<ApprovalDone>("approve_changes", { requestId }),
  decline: (requestId: number) => call<void>("decline_request", { requestId }),
  saveCredentials: (requestId: number, token: string | null, secret: string | null) =>
    call<ApprovalDone>("save_requested_credentials", { requestId, token, secret }),
};
