// The console installed from its .deb (OP_CONSOLE_APP=/usr/bin/op-console): it starts,
// shows the console, its demo answers a lookup, and the desktop opens its links.
import { describe } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { $, EXAMPLE, XDG, lookUp, openApp, scenario, shot, text, waitText, withDriver } from "./harness.mjs";

withDriver();

describe("the installed package", () => {
  scenario("starts and looks up the spec's example user on its demo data", async () => {
    assert.equal(process.env.OP_CONSOLE_APP, "/usr/bin/op-console");
    await openApp();
    assert.ok(await $("demo-badge").isExisting());
    await lookUp(EXAMPLE);
    await waitText("chat-id", /u0001106268050147246664/);
    assert.equal(await text("location-address"), "北京市海淀区小清河路");
    await shot("installed-deb");
  });

  scenario("opens an opconsole:// link given to xdg-open on that user", async () => {
    // The desktop finds the installed console through its desktop entry's scheme.
    const opener = spawn("xdg-open", ["opconsole://lookup/u0001-rich"], { env: { ...process.env, ...XDG }, stdio: "ignore" });
    const code = await new Promise((resolve) => opener.on("exit", resolve));
    assert.equal(code, 0, "xdg-open found a handler for opconsole:");
    await waitText("chat-id", /u0001106268050147246701/);
    assert.equal(await $("search-input").getValue(), "u0001-rich");
  });
});
