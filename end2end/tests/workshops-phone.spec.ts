// At home on a phone: find a session by filters, enrol, cancel by the private link. A
// full session: the waitlist, then a cancellation promotes the first in line.
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { emailedLink, expectNoAxeViolations, shoot, signedInStaffPage } from "./helpers";

test.use({
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  timezoneId: "America/New_York",
});

async function enrol(page: Page, first: string, contact: string) {
  await page.getByLabel("First name").fill(first);
  await page.getByLabel("Last name").fill("Tester");
  await page.getByLabel("Email or phone").fill(contact);
}

test("find a session by filters, enrol, and cancel by the private link", async ({ page }, testInfo) => {
  await page.goto("/workshops?lang=en");
  // The page moves to the phone's zone once.
  await expect(page).toHaveURL(/tz=America%2FNew_York/);
  await expectNoAxeViolations(page, "workshop catalog");
  await shoot(page, testInfo, "workshops-1-catalog");

  await page.locator("#topic").selectOption({ label: "Resumes" });
  await page.locator("#place").selectOption({ label: "Online (virtual)" });
  await page.getByRole("button", { name: "Show sessions" }).tap();
  await expect(page.locator(".session-card").first()).toContainText("Resumes that get interviews");
  await expect(page.locator(".session-card").first()).toContainText("America/New York");
  await expect(page.locator(".session-card").first().getByTestId("seats")).toHaveText(/\d+ seats left/);
  await page.getByRole("link", { name: "Details and enrol" }).first().tap();

  await expect(page.getByRole("heading", { name: "Enrol" })).toBeVisible();
  await expectNoAxeViolations(page, "workshop session");
  await page.getByRole("button", { name: "Enrol" }).tap();
  await expect(page.locator("#contact-error")).toBeVisible();
  await expectNoAxeViolations(page, "workshop enrol refused");
  await shoot(page, testInfo, "workshops-2-refused");

  await enrol(page, "Noor", "noor@example.org");
  await page.getByRole("button", { name: "Enrol" }).tap();
  await expect(page.getByTestId("enrolment-status")).toHaveText("You are enrolled");
  await expectNoAxeViolations(page, "workshop enrolled");
  await shoot(page, testInfo, "workshops-3-enrolled");

  await page.getByRole("button", { name: "Cancel my enrolment" }).tap();
  await expect(page.getByTestId("enrolment-status")).toHaveText("Your enrolment is cancelled");
  await expectNoAxeViolations(page, "workshop cancelled");
});

test("a full session puts people on the waitlist and a cancellation promotes the first", async ({ page, browser }, testInfo) => {
  // The demo's small networking session has three seats.
  await page.goto("/workshops?lang=en&topic=networking&tz=America%2FNew_York");
  await page.getByRole("link", { name: "Details and enrol" }).first().tap();
  await page.waitForURL(/\/workshops\/\d+/);
  const session = page.url();
  const links: string[] = [];
  for (const n of [1, 2, 3, 4]) {
    await page.goto(session);
    await enrol(page, `Seat${n}`, `seat${n}@example.org`);
    await page.getByRole("button", { name: n <= 3 ? "Enrol" : "Join the waitlist" }).tap();
    await expect(page.getByTestId("enrolment-status")).toBeVisible();
    links.push(page.url());
  }
  await expect(page.getByTestId("enrolment-status")).toHaveText("You are on the waitlist");
  await expect(page.getByTestId("enrolment-body")).toContainText("number 1 on the waitlist");
  await expectNoAxeViolations(page, "waitlisted");
  await shoot(page, testInfo, "workshops-4-waitlisted");

  await page.goto(session);
  await expect(page.getByTestId("seats")).toHaveText("Full — join the waitlist, you are number 2");

  // The first person cancels; the one waiting gets the seat.
  const cancelled = await page.request.post(`${links[0].split("?")[0]}/cancel`, { form: { lang: "en" }, maxRedirects: 0 });
  expect(cancelled.status()).toBe(303);
  // The promotion email carries a new link, which replaces the older ones.
  await page.goto(await emailedLink("seat4@example.org", "workshop_promoted"));
  await expect(page.getByTestId("enrolment-status")).toHaveText("You are enrolled");
  await page.goto(links[3]);
  await expect(page.getByTestId("enrolment-status")).toHaveCount(0);

  // The staff roster (served by the other process) shows the promotion; attendance is marked there.
  const id = session.match(/\/workshops\/(\d+)/)![1];
  const { context, page: staff } = await signedInStaffPage(browser, "tigard");
  await staff.goto("/staff/workshops");
  await expectNoAxeViolations(staff, "staff workshops");
  await staff.goto(`/staff/workshops/${id}`);
  await expect(staff.getByTestId("roster-seats")).toHaveText("3 of 3 seats taken");
  await expect(staff.getByRole("rowheader", { name: "Seat4 Tester" })).toBeVisible();
  await expect(staff.getByText("Seat1 Tester")).toHaveCount(0);
  await staff.getByRole("button", { name: "Attended: Seat2 Tester" }).click();
  await expect(staff.locator('tr[data-status="attended"]')).toContainText("Seat2 Tester");
  await expectNoAxeViolations(staff, "staff roster");
  await shoot(staff, testInfo, "staff-roster");
  await context.close();
});
