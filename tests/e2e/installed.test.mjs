// The console installed from its .deb (OP_CONSOLE_APP=/usr/bin/op-console): it starts,
// shows the console, and its demo answers a lookup.
import { describe } from "node:test";
import assert from "node:assert/strict";
import { $, EXAMPLE, lookUp, openApp, scenario, shot, text, waitText, withDriver } from "./harness.mjs";

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
});
