// A walk-in follows their place on their own phone: the kiosk's ticket carries a QR code
// (decoded here, as a phone's camera would, and followed), the phone page counts down the
// line live as staff on the other server process call visitors, and says which desk when
// it is the visitor's turn; the lobby's "now serving" screen shows and says the same call.
// Also: the finished visit asked how it went (and a manager's report showing the answer),
// "I need to leave" (the staff queue loses the row live), and a link of an earlier day.
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { execFileSync } from "child_process";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { KIOSK_SERVER, STAFF_SERVER, expectNoAxeViolations, tabletVisitor, expectNoScrolling, shoot, signedInStaffPage, useKioskOf, waitForWizard } from "./helpers";

const CENTER = "southeast-portland";
const database = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/frontdesk_e2e";

/** A walk-in checked in at CENTER's kiosk as its wizard sends it; their phone link. */
async function checkedIn(page: Page, first: string): Promise<string> {
  const reply = await page.request.post(`${KIOSK_SERVER}/api/kiosk/check-in`, {
    headers: { Accept: "application/json" },
    data: {
      center_id: CENTER, language: "en", key: crypto.randomUUID(), visitor: await tabletVisitor(page.context(), CENTER),
      answers: {
        first_name: first, last_name: "Lobby", reasons: ["job_search"], registered: "yes",
        accommodations: [], interpreter_language: "", accommodation_other: "", consent: true,
      },
    },
  });
  expect(reply.status()).toBe(200);
  return (await reply.json()).CheckedIn.follow.url;
}

/** What the QR code in `page`'s element `testId` says, read from its pixels. */
async function decodeQr(page: Page, testId: string): Promise<string> {
  const png = PNG.sync.read(await page.getByTestId(testId).screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code, "a readable QR code").not.toBeNull();
  return code!.data;
}

function uniqueName(prefix: string) {
  return prefix + Array.from({ length: 4 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

test("a visitor follows their place on their phone until called to desk 3", async ({ page, browser }, testInfo) => {
  // A coach at desk 3, on the other server process; the line at this center starts empty.
  const { context: desk, page: staff } = await signedInStaffPage(browser, CENTER);
  await staff.getByLabel("Your desk").fill("3");
  await staff.getByRole("button", { name: "Save desk" }).click();
  await expect(staff.getByTestId("desk-now")).toHaveText("You call visitors to desk 3.");
  await shoot(staff, testInfo, "follow-00-staff-desk");
  const callNext = staff.getByRole("button", { name: "Call next to desk 3" });
  await expect(staff.locator('.live-status[data-connected="true"]')).toBeVisible();
  const empty = /Nobody is waiting\.|\b0 waiting/;
  for (let i = 0; i < 50 && !empty.test((await staff.locator("#queue-live").textContent()) ?? ""); i++) {
    await callNext.click();
    await staff.waitForURL(/\/staff\/queue/);
    await expect(staff.locator('.live-status[data-connected="true"]')).toBeVisible();
  }
  await expect(staff.locator("#queue-live")).toContainText(empty);

  // The lobby screen, paired with the center like a kiosk; what it says is recorded.
  const lobbyContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await useKioskOf(lobbyContext, CENTER);
  await lobbyContext.addInitScript(() => {
    (window as any).said = [];
    speechSynthesis.speak = (u: SpeechSynthesisUtterance) => (window as any).said.push({ text: u.text, lang: u.lang });
  });
  const lobby = await lobbyContext.newPage();
  await lobby.goto(`${KIOSK_SERVER}/display/${CENTER}`);
  await expect(lobby.getByRole("heading", { name: "Now serving" })).toBeVisible();
  await expect(lobby.locator('.live-status[data-connected="true"]')).toBeVisible();

  // Someone is ahead; then our visitor checks in by touch.
  await useKioskOf(page.context(), CENTER);
  const ahead = uniqueName("Ahead");
  await checkedIn(page, ahead);
  await page.goto(`/kiosk/${CENTER}/check-in`);
  await waitForWizard(page);
  const first = uniqueName("Follow");
  await page.getByLabel("First name").fill(first);
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByLabel("Last name").fill("Phone");
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "Resume review" }).tap();
  await page.getByRole("button", { name: "Register with WorkSource" }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "Yes", exact: true }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "I agree. Give me my ticket." }).tap();
  await expect(page.getByRole("heading", { name: "You are checked in" })).toBeVisible();
  const number = (await page.getByTestId("ticket-number").textContent()) ?? "";
  await expect(page.getByRole("heading", { name: "Follow your place on your phone" })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code with the address of a page/ })).toBeVisible();
  // Came to register: where to start while waiting, the agency's own registration.
  await expect(page.getByRole("heading", { name: "Start your registration while you wait" })).toBeVisible();
  const registration = await decodeQr(page, "register-qr");
  expect(registration).toMatch(/^https:\/\//);
  await expect(page.getByTestId("register-link")).toHaveText(registration.replace("https://", "").replace(/\/$/, ""));
  await expectNoScrolling(page, "ticket with both codes");
  await expectNoAxeViolations(page, "ticket with both codes");
  await shoot(page, testInfo, "follow-01-ticket-with-qr");

  // The phone reads the code and opens what it says.
  const link = await decodeQr(page, "follow-qr");
  expect(link).toMatch(new RegExp(`^${KIOSK_SERVER}/t/[A-Za-z0-9_-]{22}$`));
  await expect(page.getByTestId("follow-link")).toHaveText(link.replace("http://", ""));
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await phoneContext.newPage();
  await phone.goto(link);
  await expect(phone.getByTestId("follow-number")).toHaveText(number);
  await expect(phone.getByTestId("follow-sentence")).toHaveText("You are number 2 in line.");
  await expect(phone.getByTestId("follow-wait")).toContainText("Estimated wait");
  await expect(phone.locator("body")).not.toContainText(first);
  await expect(phone.locator('.live-status[data-connected="true"]')).toBeVisible();
  await expectNoAxeViolations(phone, "phone page, waiting");
  await shoot(phone, testInfo, "follow-02-phone-waiting");
  // Nothing below reloads the page: this mark would be lost.
  await phone.evaluate(() => ((window as any).stillThisPage = true));

  await callNext.click();
  await expect(phone.getByTestId("follow-sentence")).toHaveText("You are next in line.");
  await callNext.click();
  await expect(phone.getByTestId("follow-sentence")).toHaveText("It's your turn: go to desk 3.");
  await expect(phone.getByRole("alert")).toContainText(number);
  expect(await phone.evaluate(() => (window as any).stillThisPage)).toBe(true);
  await expectNoAxeViolations(phone, "phone page, called");
  await shoot(phone, testInfo, "follow-03-phone-called");

  // The lobby screen shows the same call first, in very large type, and says it.
  const newest = lobby.getByTestId("board-calling").locator("li").first();
  await expect(newest).toContainText(number);
  await expect(newest).toContainText("Desk 3");
  const spelled = number.replace("-", "").split("").join(", ");
  await expect.poll(() => lobby.evaluate(() => (window as any).said)).toContainEqual({
    text: `Ticket ${spelled}, please go to desk 3.`, lang: "en",
  });
  await expect(lobby.locator("body")).not.toContainText(first);
  await expectNoAxeViolations(lobby, "lobby display");
  await shoot(lobby, testInfo, "follow-06-lobby-display");

  // Served and done: the page says so, and offers no way to leave any more.
  const row = staff.locator("#queue-live tr", { hasText: `${first} P.` });
  await row.getByRole("button", { name: `Done ${number}` }).click();
  await expect(phone.getByTestId("follow-sentence")).toHaveText("Your visit is finished. Thank you for coming.");
  await expect(phone.getByText("I need to leave")).toBeHidden();
  await expectNoAxeViolations(phone, "phone page, done");

  // The same page, without a reload, asks how the visit was: a face and a few words.
  expect(await phone.evaluate(() => (window as any).stillThisPage)).toBe(true);
  const faces = phone.getByRole("group", { name: "How was your visit?" });
  await expect(faces.getByRole("radio")).toHaveCount(5);
  await shoot(phone, testInfo, "follow-07-phone-feedback");
  await phone.getByRole("button", { name: "Send" }).tap();
  await expect(phone.getByText("Please choose one of the five faces.")).toBeVisible();
  await expectNoAxeViolations(phone, "phone feedback, refused");
  const words = `Quick and kind ${uniqueName("")}`;
  await phone.getByLabel("Good", { exact: true }).tap();
  await phone.getByLabel(/Anything you would like to tell us/).fill(words);
  await phone.getByRole("button", { name: "Send" }).tap();
  await expect(phone.getByTestId("feedback-thanks")).toHaveText("Thank you. Your answer helps us do better.");
  await expectNoAxeViolations(phone, "phone feedback, thanked");

  // A manager sees it in the report: counted under this visit's reason, and the words.
  await staff.goto(`${STAFF_SERVER}/staff/reports?lang=en&center=${CENTER}`);
  const report = staff.getByTestId("feedback-report");
  await expect(report.getByTestId("feedback-comments")).toContainText(words);
  await expect(report.getByTestId("feedback-comments")).toContainText("Good (4)");
  expect(Number(await report.getByTestId("feedback-total").textContent())).toBeGreaterThanOrEqual(1);
  await expectNoAxeViolations(staff, "report with feedback");
  await shoot(staff, testInfo, "follow-08-report-feedback");
  await staff.goto(`${STAFF_SERVER}/staff/queue?center=${CENTER}`);
  await expect(staff.locator('.live-status[data-connected="true"]')).toBeVisible();

  // Another visitor has to go: from their phone, in two taps; the staff queue loses them live.
  const leaver = uniqueName("Leaver");
  const leaverLink = await checkedIn(page, leaver);
  await expect(staff.locator("#queue-live tr", { hasText: `${leaver} L.` })).toBeVisible();
  await phone.goto(leaverLink);
  await phone.getByText("I need to leave").tap();
  await shoot(phone, testInfo, "follow-04-phone-leave");
  await phone.getByRole("button", { name: "Yes, give up my place" }).tap();
  await expect(phone.getByTestId("follow-sentence")).toHaveText(/You gave up your place in line/);
  await expect(staff.locator("#queue-live tr", { hasText: `${leaver} L.` })).toHaveCount(0);
  await expectNoAxeViolations(phone, "phone page, left");

  // A link of an earlier day shows only that it has expired (ten years back: no ticket of
  // the demo history has its number then).
  const old = await checkedIn(page, uniqueName("Yesterday"));
  execFileSync("psql", [database, "-qAtX", "-c",
    `update visits set service_day = service_day - 3650 where follow_token = '${old.split("/t/")[1]}'`]);
  await phone.goto(old);
  await expect(phone.getByTestId("follow-sentence")).toHaveText(/This link has expired/);
  await expectNoAxeViolations(phone, "phone page, expired");

  // In Arabic, right to left, the number still reads left to right.
  await phone.goto(`${leaverLink}?lang=ar`);
  await expect(phone.locator("html")).toHaveAttribute("dir", "rtl");
  await shoot(phone, testInfo, "follow-05-phone-left-ar");
  await phoneContext.close();
  await lobbyContext.close();
  await desk.close();
});
