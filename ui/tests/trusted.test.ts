// The trusted window's page: what it shows of a request, and what it sends back. The
// credentials typed here go to the backend with the request's ID, and nowhere else.
import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import TrustedApp from "../src/trusted/TrustedApp.svelte";
import type { ApprovalRequest } from "../src/bindings";
import type { TrustedCommand } from "../src/contract";

function backend(request: ApprovalRequest | null, answers: Partial<Record<TrustedCommand, () => unknown>> = {}) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    if (cmd === "approval_request") return request;
    const answer = answers[cmd as TrustedCommand];
    if (!answer) throw { code: "internal", message: `unmocked ${cmd}` };
    return answer();
  });
  return calls;
}

const CREDENTIALS: ApprovalRequest = {
  kind: "credentials",
  requestId: 3,
  profileId: "prod",
  name: "Prod",
  flows: [
    { field: "baseUrl", value: "https://op.example.com" },
    { field: "clientId", value: "c0ffee" },
    { field: "proxy", value: "none" },
    { field: "caFile", value: null },
    { field: "tiles", value: "https://tiles.example.com/" },
    { field: "assets", value: null },
  ],
  status: { hasToken: false, hasSecret: false, forOtherServer: false },
};

describe("the trusted window", () => {
  it("shows where the credentials will go, and sends what is typed with the request's ID", async () => {
    const calls = backend(CREDENTIALS, {
      save_requested_credentials: () => ({ kind: "credentials", profileId: "prod", status: { hasToken: true, hasSecret: true, forOtherServer: false } }),
    });
    render(TrustedApp);
    expect((await screen.findByTestId("trusted-flow-baseUrl")).textContent).toBe("https://op.example.com");
    expect(screen.getByTestId("trusted-flow-tiles").textContent).toBe("https://tiles.example.com/");
    expect(screen.getByTestId("trusted-flow-caFile").textContent).toBe("（无）");
    await fireEvent.input(screen.getByTestId("trusted-token"), { target: { value: "o0001-typed" } });
    await fireEvent.input(screen.getByTestId("trusted-secret"), { target: { value: "typed-secret" } });
    await fireEvent.click(screen.getByTestId("trusted-save"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "save_requested_credentials")).toBe(true));
    expect(calls.find((c) => c.cmd === "save_requested_credentials")!.args).toEqual({ requestId: 3, token: "o0001-typed", secret: "typed-secret" });
    await waitFor(() => expect((screen.getByTestId("trusted-token") as HTMLInputElement).value).toBe(""));
  });

  it("a keyring that refuses is said here, and the typed values stay for another try", async () => {
    backend(CREDENTIALS, { save_requested_credentials: () => Promise.reject({ code: "keyring_locked", hasRawAnswer: false }) });
    render(TrustedApp);
    await fireEvent.input(await screen.findByTestId("trusted-token"), { target: { value: "o0001-typed" } });
    await fireEvent.click(screen.getByTestId("trusted-save"));
    expect((await screen.findByTestId("trusted-problem")).textContent).toContain("钥匙串");
    expect((screen.getByTestId("trusted-token") as HTMLInputElement).value).toBe("o0001-typed");
  });

  it("lists every change before and after, a look-alike and the profile in use; keep is a no", async () => {
    const calls = backend(
      {
        kind: "changes",
        requestId: 8,
        source: "startUp",
        changes: {
          profiles: [
            {
              id: "prod",
              name: "Prod",
              added: false,
              looksLike: null,
              fields: [{ field: "tiles", from: "https://tiles.example.com/", to: "https://tiles.evil.example/" }],
              credentialsUnusable: false,
            },
            {
              id: "prod2",
              name: "Prоd",
              added: true,
              looksLike: "Prod",
              fields: [{ field: "baseUrl", from: null, to: "https://op.evil.example" }],
              credentialsUnusable: false,
            },
          ],
          selected: { from: "Prod", to: "Prоd" },
        },
      },
      { decline_request: () => null, approve_changes: () => ({ kind: "changes", applied: true, profiles: 2 }) },
    );
    render(TrustedApp);
    expect((await screen.findByTestId("trusted-changes-title")).textContent).toContain("启动时 IT 提供的配置文件");
    expect(screen.getByTestId("trusted-change-tiles").textContent).toBe("https://tiles.example.com/ → https://tiles.evil.example/");
    expect(screen.getByTestId("trusted-look-alike").textContent).toContain("“Prod”");
    expect(screen.getByTestId("trusted-selected").textContent).toBe("正在使用的配置：Prod → Prоd");
    await fireEvent.click(screen.getByTestId("trusted-keep"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "decline_request")?.args).toEqual({ requestId: 8 }));
    await fireEvent.click(screen.getByTestId("trusted-apply"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "approve_changes")?.args).toEqual({ requestId: 8 }));
  });

  it("says so when nothing waits", async () => {
    backend(null);
    render(TrustedApp);
    expect((await screen.findByTestId("trusted-nothing")).textContent).toContain("没有需要确认的事项");
  });
});
