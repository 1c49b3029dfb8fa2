// The trusted window's calls: only the commands its capability grants (generated list),
// typed like the main page's.
import { invoke } from "@tauri-apps/api/core";
import type { ApprovalDone, ApprovalRequest } from "../bindings";
import type { TrustedCommand } from "../contract";
import { ApiError, asShownError } from "../lib/api";

async function call<T>(command: TrustedCommand, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw new ApiError(asShownError(raw));
  }
}

export const trustedApi = {
  request: () => call<ApprovalRequest | null>("approval_request"),
  approve: (requestId: number) => call<ApprovalDone>("approve_changes", { requestId }),
  decline: (requestId: number) => call<void>("decline_request", { requestId }),
  saveCredentials: (requestId: number, token: string | null, secret: string | null) =>
    call<ApprovalDone>("save_requested_credentials", { requestId, token, secret }),
};
