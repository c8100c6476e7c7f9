// The staff workspace: a front-desk user works a whole flow by keyboard alone (sign in,
// see a kiosk check-in arrive live with its interpreter request, arrange the interpreter,
// call the visitor); a manager closes a day; a coach cannot.
import { test, expect } from "./fixtures";
import type { Page, Locator } from "@playwright/test";
import { execFileSync } from "child_process";
import * as fs from "fs";
import { DEMO_EMAIL, DEMO_PASSWORD, KIOSK_SERVER, STAFF_SERVER, emailedLink, expectNoAxeViolations, shoot, tabletVisitor, useKioskOf } from "./helpers";
import { chooseFirstTime, ENGLISH, fillDetails } from "./booking-helpers";

/** Presses Tab until `target` has focus: proves it can be reached by keyboard. */
async function tabTo(page: Page, target: Locator, limit = 250) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} by Tab`);
}

/** A kiosk check-in, as the kiosk's wizard sends it, with a Somali interpreter request. */
async function kioskCheckIn(page: Page, first: string) {
  // Sent as Tigard's paired tablet sends it.
  await useKioskOf(page.context(), "tigard");
  const reply = await page.request.post(`${KIOSK_SERVER}/api/kiosk/check-in`, {
    headers: { Accept: "application/json" },
    data: {
      center_id: "tigard",
      language: "en",
      key: crypto.randomUUID(), visitor: await tabletVisitor(page.context(), "tigard"),
      answers: {
        first_name: first, last_name: "Keyboard", reasons: ["job_search"], registered: "yes",
        accommodations: ["spoken_interpreter"], interpreter_language: "Somali", accommodation_other: "", consent: true,
      },
    },
  });
  expect(reply.status()).toBe(200);
}

async function signIn(page: Page, email: string) {
  await page.goto(`${STAFF_SERVER}/staff/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/staff/queue");
}

test("a front-desk day by keyboard alone", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${STAFF_SERVER}/staff/login`);

  // Sign in: Tab to each field, type, Enter.
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(DEMO_EMAIL);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL("**/staff/queue");
  // This desk is at Tigard (typed into the address bar, as staff bookmark it).
  await page.goto(`${STAFF_SERVER}/staff/queue?center=tigard`);
  await expect(page.locator('.live-status[data-connected="true"]')).toBeVisible();
  await expect(page.getByTestId("wait-stats")).toContainText("Longest wait now");
  // What the kiosk tells a walk-in checking in now: next, or about so many minutes.
  await expect(page.getByTestId("kiosk-wait")).toHaveText(/^A walk-in checking in now is told(?: they are next|: about \d+ min wait)\.$/);

  // A visitor checks in at the kiosk (the other server process): the row appears live.
  // A name of its own, so that a rerun on the same database finds this visitor only.
  const first = "Hodan" + Array.from({ length: 4 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
  await kioskCheckIn(page, first);
  const row = page.locator("#queue-live tr", { hasText: `${first} K.` });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Interpreter: Somali");

  // The interpreter request waits in the accommodations work-queue.
  await tabTo(page, page.getByRole("link", { name: "Accommodations" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Accommodation requests" })).toBeVisible();
  await expectNoAxeViolations(page, "accommodations");
  await shoot(page, testInfo, "staff-accommodations");
  const status = page.getByRole("combobox", { name: `New status: Interpreter: Somali, ${first} Keyboard` });
  await tabTo(page, status);
  await page.keyboard.press("ArrowDown"); // Open → Arranged
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: `Save: Interpreter: Somali, ${first} Keyboard` })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForLoadState("load");
  await expect(page.getByRole("row", { name: new RegExp(`${first} Keyboard`) })).toHaveCount(0); // no longer open
  await page.goto(`${STAFF_SERVER}/staff/accommodations?status=arranged&center=tigard`);
  await expect(page.getByRole("row", { name: new RegExp(`${first} Keyboard`) })).toContainText("Demo Staff");

  // Back to the queue. "Call next" calls the first waiting row (the table lists the line in
  // calling order, after anyone being served or called); then this visitor's own ticket, if
  // someone else was next (earlier tests may have left visitors waiting).
  await tabTo(page, page.getByRole("link", { name: "Walk-in queue" }));
  await page.keyboard.press("Enter");
  const ticket = await page.locator("#queue-live tr", { hasText: `${first} K.` }).getAttribute("data-ticket");
  const next = await page.locator("#queue-live tbody tr", { hasText: "Waiting" }).first().getAttribute("data-ticket");
  await tabTo(page, page.getByRole("button", { name: "Call next", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.locator(`#queue-live tr[data-ticket="${next}"]`)).toContainText("Called with Demo Staff");
  if (next !== ticket) {
    await tabTo(page, page.getByRole("button", { name: `Call ${ticket}`, exact: true }));
    await page.keyboard.press("Enter");
  }
  await expect(page.locator("#queue-live tr", { hasText: `${first} K.` })).toContainText("Called");
  await context.close();
});

test("a manager closes a day and a coach cannot", async ({ browser }, testInfo) => {
  const coachContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const coach = await coachContext.newPage();
  await signIn(coach, "coach@frontdesk.test");
  await coach.goto(`${STAFF_SERVER}/staff/closures?center=tigard`);
  await expect(coach.getByTestId("managers-only")).toHaveText("Only managers can change closures.");
  await expect(coach.getByRole("button", { name: "Close this day" })).toHaveCount(0);
  await expectNoAxeViolations(coach, "closures as a coach");
  await coach.goto(`${STAFF_SERVER}/staff/availability?center=tigard`);
  await expect(coach.getByTestId("managers-only")).toHaveText("Only managers can change hours and services.");
  await expect(coach.getByRole("button", { name: "Save hours and services" })).toBeDisabled();
  await coachContext.close();

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const manager = await context.newPage();
  await signIn(manager, "manager@frontdesk.test");
  await manager.goto(`${STAFF_SERVER}/staff/queue?center=tigard`);
  await manager.getByRole("link", { name: "Closures" }).click();
  await expect(manager.getByRole("heading", { name: "Closures · Tigard" })).toBeVisible();
  await expectNoAxeViolations(manager, "closures");

  // A day far enough ahead that no demo booking is on it, which is not a holiday already
  // (45 days from some dates is Martin Luther King Jr. Day).
  const closed = (await manager.getByTestId("closures").textContent()) ?? "";
  const candidates = Array.from({ length: 14 }, (_, i) => new Date(Date.now() + (45 + i) * 24 * 3600 * 1000));
  const longDate = (d: Date) =>
    d.toLocaleDateString("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  const day = candidates.find((d) => !closed.includes(longDate(d)))!.toISOString().slice(0, 10);
  await manager.getByLabel("Day", { exact: true }).fill("2020-01-01");
  await manager.getByRole("button", { name: "Close this day" }).click();
  await expect(manager.locator("#day-error")).toHaveText("Please choose a day from today on.");
  await expectNoAxeViolations(manager, "closure refused");
  await manager.getByLabel("Day", { exact: true }).fill(day);
  await manager.getByLabel("Reason").fill("Staff training");
  await manager.getByRole("button", { name: "Close this day" }).click();
  await expect(manager.getByRole("status")).toHaveText(/The day is closed\.|That day was already closed\./);
  await expect(manager.getByTestId("closures")).toContainText("Staff training");
  await shoot(manager, testInfo, "staff-closures");

  // Hours and services: a half-typed day is refused beside it, nothing changed.
  await manager.getByRole("link", { name: "Hours and services" }).click();
  await expect(manager.getByRole("heading", { name: "Hours and services · Tigard" })).toBeVisible();
  await expectNoAxeViolations(manager, "hours and services");
  await manager.getByLabel("Saturday: opens").fill("10:00");
  await manager.getByRole("button", { name: "Save hours and services" }).click();
  await expect(manager.locator("#hours-6-error")).toBeVisible();
  await expect(manager.getByLabel("Saturday: opens")).toHaveValue("10:00");
  await expectNoAxeViolations(manager, "hours and services refused");
  await shoot(manager, testInfo, "staff-availability");

  // Reports: the exported CSV has exactly the database's counts.
  await manager.getByRole("link", { name: "Reports" }).click();
  await expect(manager.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await expect(manager.getByTestId("visits-chart")).toBeVisible();
  // The service level: the share of walk-ins called within the center's target wait.
  await expect(manager.getByRole("heading", { name: "Called within the target wait" })).toBeVisible();
  await expect(manager.getByTestId("targets")).toContainText("Tigard: 25 min");
  await expect(manager.getByTestId("service-level-table").locator("tfoot")).toContainText(/\d+%/);
  await expectNoAxeViolations(manager, "reports");
  await shoot(manager, testInfo, "staff-reports");
  const [download] = await Promise.all([
    manager.waitForEvent("download"),
    manager.getByRole("link", { name: "Download visit counts (CSV)" }).click(),
  ]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  const lines = csv.split("\r\n").filter((l) => l !== "");
  expect(lines[0]).toBe("period_start,center,reason,language,visits");
  const database = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/frontdesk_e2e";
  const from = new URL(manager.url()).searchParams.get("from");
  const fromDay = await manager.locator("#from").inputValue();
  const toDay = await manager.locator("#to").inputValue();
  const center = await manager.locator("#center").inputValue();
  const expected = execFileSync("psql", [database, "-AtX", "-c",
    `select line from (select service_day || ',' || center_id || ',' || r || ',' || language || ',' || count(*) as line
     from visits, unnest(reasons) r where service_day between '${fromDay}' and '${toDay}'
       and ('${center}' = '' or center_id = '${center}')
     group by service_day, center_id, r, language) counted order by line collate "C"`], { encoding: "utf8" })
    .split("\n").filter((l) => l !== "");
  expect(from).toBeNull(); // the defaults: the last 14 days
  expect(expected.length).toBeGreaterThan(0);
  expect(lines.slice(1)).toEqual(expected);
  await context.close();
});

test("a home booking appears live on the calendar, and the front desk marks a no-show", async ({ browser }, testInfo) => {
  // At home on a phone: the first free time, up to the details form.
  const phoneContext = await browser.newContext({
    baseURL: KIOSK_SERVER, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, timezoneId: "America/New_York",
  });
  const phone = await phoneContext.newPage();
  await phone.goto("/book?lang=en");
  await chooseFirstTime(phone, ENGLISH, undefined, "", false);
  const start = new URL(phone.url()).searchParams.get("start")!;
  const day = new Date(start).toLocaleDateString("en-CA", { timeZone: "America/Los_Angeles" });

  // The front desk watches that day's calendar on the other server process.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const staff = await context.newPage();
  await signIn(staff, DEMO_EMAIL);
  await staff.goto(`${STAFF_SERVER}/staff/calendar?center=tigard&day=${day}`);
  await expect(staff.getByRole("heading", { name: "Calendar", level: 1 })).toBeVisible();
  await expect(staff.locator('.live-status[data-connected="true"]')).toBeVisible();
  await expectNoAxeViolations(staff, "calendar");

  const first = "Livia" + Array.from({ length: 4 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
  await fillDetails(phone, ENGLISH, first);
  const row = staff.locator("#calendar-live tr", { hasText: `${first} Okafor` });
  await expect(row).toBeVisible(); // no reload: pushed by the server
  await expect(row).toContainText("Booked");
  await shoot(staff, testInfo, "staff-calendar");

  // Nobody came: the details (contact shown, the read logged), then No-show.
  await row.getByRole("link", { name: `${first} Okafor` }).click();
  await expect(staff.getByText(`${first.toLowerCase()}@example.org`)).toBeVisible();
  await expectNoAxeViolations(staff, "appointment details");
  await staff.getByLabel("Status").selectOption({ label: "No-show" });
  await staff.getByLabel("Note").fill("Called twice, no answer.");
  await staff.getByRole("button", { name: "Save", exact: true }).click();
  await expect(staff.getByTestId("appointment-status")).toHaveText("No-show");
  await expect(staff.getByTestId("changes")).toContainText("Demo Staff changed status from “Booked” to “No-show”");
  await shoot(staff, testInfo, "staff-appointment");

  // A manager sees who read Livia's contact details.
  const managerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const manager = await managerContext.newPage();
  await signIn(manager, "manager@frontdesk.test");
  await manager.goto(`${STAFF_SERVER}/staff/audit`);
  await expect(manager.getByTestId("audit").locator("tr", { hasText: `${first} Okafor` }).first()).toContainText("Demo Staff");
  await expectNoAxeViolations(manager, "audit log");
  const [audit] = await Promise.all([manager.waitForEvent("download"), manager.getByTestId("audit-csv").click()]);
  const log = fs.readFileSync((await audit.path())!, "utf8");
  expect(log.split("\r\n")[0]).toBe("read_at_utc,staff_email,staff_name,person,source,source_id");
  expect(log).toContain(`,demo@frontdesk.test,Demo Staff,${first} Okafor,booking,`);
  await Promise.all([managerContext.close(), context.close(), phoneContext.close()]);
});

test("an admin invites a colleague, who chooses a password from the emailed link", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const admin = await context.newPage();
  await signIn(admin, "admin@frontdesk.test");
  await admin.getByRole("link", { name: "Staff accounts" }).click();
  await expect(admin.getByRole("heading", { name: "Staff accounts", level: 1 })).toBeVisible();
  await expectNoAxeViolations(admin, "staff accounts");

  await admin.getByRole("button", { name: "Send the invitation" }).click();
  await expect(admin.locator("#name-error")).toHaveText("Please type the person's name (at most 80 characters).");
  await expectNoAxeViolations(admin, "staff accounts refused");
  const email = `rosa${Date.now()}@example.org`;
  await admin.getByLabel("Name", { exact: true }).fill("Rosa Diaz");
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByLabel("Role").selectOption({ label: "Coach" });
  await admin.getByRole("button", { name: "Send the invitation" }).click();
  await expect(admin.getByTestId("link-sent")).toHaveText(
    `We emailed Rosa Diaz at ${email} a link to choose a password. It works once, within 72 hours.`);
  await expect(admin.getByTestId("accounts")).toContainText("Rosa Diaz");
  await shoot(admin, testInfo, "staff-accounts");

  // The link from the invitation the SMTP server received.
  const path = await emailedLink(email, "staff_invitation");

  // Rosa, on a tablet, opens the link by touch and chooses a password.
  const rosaContext = await browser.newContext({ viewport: { width: 800, height: 1280 }, hasTouch: true });
  const rosa = await rosaContext.newPage();
  await rosa.goto(`${STAFF_SERVER}${path}`);
  await expect(rosa.getByText(`Hello Rosa Diaz. Choose a password for ${email}.`)).toBeVisible();
  await expectNoAxeViolations(rosa, "choose a password");
  await rosa.getByLabel("New password").fill("short");
  await rosa.getByLabel("Type the same password again").fill("short");
  await rosa.getByRole("button", { name: "Save and sign in" }).tap();
  await expect(rosa.locator("#password-error")).toHaveText("Please use at least 12 characters.");
  await expectNoAxeViolations(rosa, "choose a password refused");
  await shoot(rosa, testInfo, "staff-password-refused");
  await rosa.getByLabel("New password").fill("maple river lantern");
  await rosa.getByLabel("Type the same password again").fill("maple river lantern");
  await rosa.getByRole("button", { name: "Save and sign in" }).tap();
  await expect(rosa.getByText("Signed in as Rosa Diaz")).toBeVisible();

  // The link worked once; the password works from the sign-in form.
  await rosa.goto(`${STAFF_SERVER}${path}`);
  await expect(rosa.getByTestId("link-unusable")).toBeVisible();
  await rosaContext.clearCookies();
  await rosa.goto(`${STAFF_SERVER}/staff/login`);
  await rosa.getByLabel("Email").fill(email);
  await rosa.getByLabel("Password").fill("maple river lantern");
  await rosa.getByRole("button", { name: "Sign in" }).tap();
  await expect(rosa.getByText("Signed in as Rosa Diaz")).toBeVisible();
  await Promise.all([rosaContext.close(), context.close()]);
});
