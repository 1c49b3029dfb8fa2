// The update round trip (#25), run by scripts/update-roundtrip.sh against the installed
// .deb: an update server of the test's own on 127.0.0.1, over TLS with a CA of the run's
// (IT's CA file in the policy, which also points updates at this server). The console is
// offered the next version, installs it through its updater and comes back as it with the
// operator's profile, recent lookups and saved credentials; a version signed with another
// key is refused with nothing installed; an unreachable server shows nothing but a line in
// Settings.
import { before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import { join } from "node:path";
import {
  $, axeViolations, browser, CLIENT, closeApp, enterCredentials, lookUp, openApp, policyFolder, press, saveProfiles, scenario, SECRET,
  shot, startOpSim, text, TOKEN, waitFor, waitText, windowShown, withDriver,
} from "./harness.mjs";

withDriver();

const FILES = process.env.OP_UPDATE_FILES;
const [FROM, NEXT, AFTER, LATER] = ["FROM", "NEXT", "AFTER", "LATER"].map((name) => process.env[`OP_UPDATE_${name}`]);
const escaped = (version) => version.replaceAll(".", "\\.");
const RICH = "u0001-rich";
const EXAMPLE_ID = "u00012b2e588bd93843168dfb67ae12cc2ee9";

/** The update server: the manifest the test sets, and the packages beside it. */
const served = { manifest: null, requests: [] };
let server;
let port;
let policyDir;

const installedVersion = () => execFileSync("dpkg-query", ["-W", "-f=${Version}", "op-console"], { encoding: "utf8" });
const consolePids = () => {
  try {
    return execFileSync("pgrep", ["-x", "op-console"], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when there is none
  }
};

/** A manifest announcing `version` as the package served under `as`'s name, with its signature. */
function manifest(version, as = version) {
  const name = `op-console_${as}_amd64.deb`;
  return {
    version,
    notes: `Op Console ${version}：修复与改进 / fixes and improvements`,
    pub_date: "2026-12-04T08:00:00Z",
    platforms: {
      "linux-x86_64-deb": {
        signature: readFileSync(join(FILES, `${name}.sig`), "utf8"),
        url: `https://127.0.0.1:${port}/${name}`,
      },
    },
  };
}

const env = () => ({ OP_CONSOLE_POLICY_DIR: policyDir });

before(async () => {
  assert.ok(FILES && FROM && NEXT && AFTER && LATER, "run by scripts/update-roundtrip.sh");
  server = createServer({ key: readFileSync(join(FILES, "tls/server.key")), cert: readFileSync(join(FILES, "tls/server.pem")) }, (req, res) => {
    served.requests.push(req.url);
    if (req.url === "/latest.json" && served.manifest) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(served.manifest));
    } else if (/^\/op-console_[\d.]+_amd64\.deb$/.test(req.url)) {
      res.writeHead(200, { "content-type": "application/vnd.debian.binary-package" }).end(readFileSync(join(FILES, req.url.slice(1))));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  port = server.address().port;
  served.manifest = manifest(NEXT);

  const sim = (await startOpSim()).base;
  // The operator's own profile, in use.
  const mine = { id: "mine", name: "我的服务器", baseUrl: sim, clientId: CLIENT, signRule: { scheme: "alipay" } };
  saveProfiles("mine", [mine]);
  // IT's policy: updates from this server, checked every hour, over IT's CA.
  const policy = {
    mandatory: {
      updates: { enabled: true, endpoint: `https://127.0.0.1:${port}/latest.json`, checkIntervalHours: 1 },
      caFile: join(FILES, "tls/ca.pem"),
    },
  };
  policyDir = policyFolder(policy);
  await openApp([], env());
});

after(() => server?.close());

async function openSettingsUpdates() {
  await press("settings-open");
  const section = await $("updates");
  await section.waitForExist({ timeout: 15000 });
  await section.scrollIntoView({ block: "center" });
}

describe("updates, from the installed package", () => {
  scenario(`u1. ${FROM} is offered ${NEXT} with its notes; Settings shows the version and the check`, async () => {
    // The operator's day before the update: credentials saved, one lookup made.
    await press("settings-open");
    await enterCredentials(TOKEN, SECRET);
    await press("settings-close");
    await lookUp(RICH);
    await waitText("chat-id", /u0001106268050147246701/);
    await waitText("update-notice", new RegExp(`新版本 ${escaped(NEXT)} 可用`));
    await $("update-notice").$("summary").click();
    await waitText("update-notes", /修复与改进/);
    assert.deepEqual(await axeViolations(), [], "the notice passes axe-core");
    await shot("u1-update-notice");
    await openSettingsUpdates();
    assert.match(await text("updates-version"), new RegExp(escaped(FROM)));
    assert.match(await text("updates-last-check"), /上次检查/);
    assert.match(await text("updates-last-check"), new RegExp(`新版本 ${escaped(NEXT)} 可用`));
    assert.deepEqual(await axeViolations(), [], "Settings with updates passes axe-core");
    await shot("u1-settings-this-computer");
    await press("settings-close");
    assert.ok(served.requests.includes("/latest.json"), "the check went to IT's server");
  });

  scenario(`u2. Install and restart: the console comes back as ${NEXT} with the profile, recent lookups and credentials`, async () => {
    const before = consolePids();
    assert.equal(before.length, 1, "one console runs");
    // What the next start will be offered (u3): NEXT's genuine package and signature,
    // announced as AFTER, as a server replaying an older release would.
    served.manifest = manifest(AFTER, NEXT);
    served.requests.length = 0;
    // A lookup just before: what is pending is written before the console goes.
    await lookUp(EXAMPLE_ID);
    await waitText("chat-id", /u0001106268050147246664/);
    await press("update-install");
    await waitFor(() => installedVersion() === NEXT, `dpkg says ${NEXT}`, 120000);
    assert.ok(served.requests.includes(`/op-console_${NEXT}_amd64.deb`));
    // The old process ends and starts the new one by itself, outside the driver's session.
    await waitFor(() => consolePids().length === 1 && !before.includes(consolePids()[0]), "the console restarted", 60000);
    const restarted = consolePids()[0];
    await waitFor(() => windowShown(), "the restarted console's window", 30000);
    process.kill(Number(restarted), "SIGTERM");
    await waitFor(() => consolePids().length === 0, "the restarted console ended", 30000);
    await closeApp();

    // Under the driver again: the new version, the operator's data as it was.
    await openApp([], env());
    await waitText("recent-item", new RegExp(EXAMPLE_ID));
    const rows = await browser.execute(() => [...document.querySelectorAll('[data-testid="recent-item"]')].map((row) => row.textContent));
    assert.ok(rows.some((row) => row.includes("u0001-rich")), JSON.stringify(rows));
    assert.equal(await $("profile-select").getValue(), "mine");
    await lookUp(RICH);
    await waitText("chat-id", /u0001106268050147246701/);
    await openSettingsUpdates();
    assert.match(await text("updates-version"), new RegExp(escaped(NEXT)));
    assert.equal(await text("settings-token-state"), "已保存");
    await press("settings-close");
  });

  scenario(`u3. refused: ${NEXT}'s own signature announced as ${AFTER}, and ${LATER} signed with another key; nothing installed`, async () => {
    // The replay: a genuine signature, but for another version than announced.
    await waitText("update-notice", new RegExp(`新版本 ${escaped(AFTER)} 可用`));
    await press("update-install");
    await waitText("update-problem", /签名无法验证，未安装任何内容/);
    assert.equal(await $("update-install").isExisting(), false, "not offered again");
    assert.equal(installedVersion(), NEXT);
    // Another key's signature, found by Check now.
    served.manifest = manifest(LATER);
    await openSettingsUpdates();
    await press("updates-check");
    await waitText("updates-last-check", new RegExp(`新版本 ${escaped(LATER)} 可用`));
    await press("settings-close");
    await waitText("update-notice", new RegExp(`新版本 ${escaped(LATER)} 可用`));
    await press("update-install");
    await waitText("update-problem", /签名无法验证，未安装任何内容/);
    assert.equal(installedVersion(), NEXT);
    assert.equal(await browser.$('[role="alertdialog"]').isExisting(), false, "no dialog");
    await shot("u3-bad-signature");
    await openSettingsUpdates();
    assert.match(await text("updates-last-check"), /签名无法验证/);
    await press("settings-close");
  });

  scenario("u4. an unreachable update server changes nothing and shows nothing but a line in Settings", async () => {
    await new Promise((closed) => {
      server.close(closed);
      server.closeAllConnections();
    });
    await closeApp();
    await openApp([], env());
    await openSettingsUpdates();
    await waitText("updates-last-check", /无法连接更新服务器/);
    assert.equal(await $("update-notice").isExisting(), false);
    assert.equal(await $("policy-banner").isExisting(), false);
    assert.equal(installedVersion(), NEXT);
    await press("settings-close");
    await lookUp(RICH);
    await waitText("chat-id", /u0001106268050147246701/);
  });
});
