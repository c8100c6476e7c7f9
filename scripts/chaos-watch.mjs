// The staff side of scripts/chaos.sh: three desks watch the center's live queue in
// Debian's Chromium, through nginx, while chaos.sh kills a server process and restarts
// PostgreSQL. Their streams may be cut (the process died) or fed by a process whose
// database connection, and with it its LISTEN, came back: the screens must reconnect by
// themselves, with no one touching them.
// When the load is over (chaos.sh creates <done file>), one desk calls the next visitor
// and every screen must then show, within 10 s, the same queue as a page loaded afresh:
// a change made after both faults, on whichever process took the post, reaches all three
// through PostgreSQL. Prints what it saw and exits 1 when a screen did not.
//   node scripts/chaos-watch.mjs <nginx url> <center> <ready file> <done file>
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("../end2end/package.json", import.meta.url));
const { chromium } = require("playwright");

const [base, center, readyFile, doneFile] = process.argv.slice(2);
const DESKS = 3;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const queueUrl = `${base}/staff/queue?center=${center}`;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const signIn = await context.newPage();
await signIn.goto(`${base}/staff/login`);
await signIn.getByLabel("Email").fill("demo@frontdesk.test");
await signIn.getByLabel("Password").fill("frontdesk-demo");
await signIn.getByRole("button", { name: "Sign in" }).click();
await signIn.waitForURL("**/staff/queue");

/** Whether the screen says its stream is live. */
const isLive = (page) => page.locator('.live-status[data-connected="true"]').count().then((n) => n > 0, () => false);

/** The queue a screen shows: the count, and each row's ticket and name (not the minutes
 *  waited, which a later render may count one higher). */
const queueShown = (page) =>
  page.locator("#queue-live").evaluate((live) => {
    const summary = live.querySelector(".queue-summary")?.textContent.trim() ?? "";
    const rows = [...live.querySelectorAll(".queue-table tbody tr")].map((row) =>
      [...row.querySelectorAll("th, td")].slice(0, 2).map((cell) => cell.textContent.trim()).join(" "));
    return [summary, ...rows].join("\n");
  }, null, { timeout: 2_000 }).catch(() => null);

const desks = [];
for (let i = 0; i < DESKS; i++) {
  const page = await context.newPage();
  const desk = { page, drops: 0, reloads: 0, longestAway: 0, awaySince: null };
  page.on("framenavigated", (frame) => { if (frame === page.mainFrame()) desk.reloads++; });
  await page.goto(queueUrl);
  await page.locator('.live-status[data-connected="true"]').waitFor({ timeout: 20_000 });
  desk.reloads = 0;
  desks.push(desk);
}
writeFileSync(readyFile, "");

// Each screen's link, every quarter second, until the load is over.
while (!existsSync(doneFile)) {
  for (const desk of desks) {
    const live = await isLive(desk.page);
    if (!live && desk.awaySince === null) {
      desk.drops++;
      desk.awaySince = Date.now();
    } else if (live && desk.awaySince !== null) {
      desk.longestAway = Math.max(desk.longestAway, Date.now() - desk.awaySince);
      desk.awaySince = null;
    }
  }
  await sleep(250);
}

// A change after both faults: the next visitor is called, through nginx.
const caller = await context.newPage();
await caller.goto(queueUrl);
const before = await queueShown(caller);
await caller.getByRole("button", { name: "Call next", exact: true }).click();
await caller.waitForLoadState();
let fresh = null;
let failed = false;
for (const [i, desk] of desks.entries()) {
  const giveUp = Date.now() + 10_000;
  let shown = null;
  let live = false;
  for (;;) {
    await caller.goto(queueUrl);
    fresh = await queueShown(caller);
    shown = await queueShown(desk.page);
    live = await isLive(desk.page);
    if ((shown !== null && shown === fresh && fresh !== before && live) || Date.now() > giveUp) break;
    await sleep(250);
  }
  // A screen without its queue, or not live, or not showing the call, fails.
  const same = shown !== null && shown === fresh && fresh !== before && live;
  const away = desk.awaySince === null ? desk.longestAway : Date.now() - desk.awaySince;
  console.log(`staff screen ${i + 1}: ${same ? "live, and shows the queue of a fresh page load" : "NOT live or DIFFERS from a fresh page load"} after the call;`
    + ` dropped ${desk.drops} times (longest ${(away / 1000).toFixed(1)} s), loaded itself again ${desk.reloads} times`);
  if (!same) {
    console.log(`  screen:\n${shown}\n  fresh page:\n${fresh}`);
    failed = true;
  }
}
console.log(`staff queue at the end: ${(fresh ?? "(no queue on the page)").split("\n")[0]}`);
await browser.close();
process.exit(failed ? 1 : 0);
