// A participant at home books from a phone in New York: a Portland center's slot, both
// times shown, the .ics, cancel by the private link, book again, reschedule. In English
// and in Spanish, and with JavaScript off.
import { test, expect } from "./fixtures";
import { expectNoAxeViolations, shoot } from "./helpers";
import { chooseFirstTime, downloadCalendar, ENGLISH, fillDetails, press, SPANISH, Words } from "./booking-helpers";

test.use({
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  timezoneId: "America/New_York",
});

async function fullFlow(page: import("@playwright/test").Page, w: Words, testInfo: import("@playwright/test").TestInfo) {
  await page.goto(`/book?lang=${w.lang}`);
  // The page fills in the zone the phone is set to.
  await expect(page.locator("#tz")).toHaveValue("America/New_York");
  await chooseFirstTime(page, w, testInfo, `booking-${w.lang}`);
  await expectNoAxeViolations(page, `details (${w.lang})`);

  // Done with nothing filled in: every problem beside its field, in the page's language.
  await press(page, page.getByRole("button", { name: w.done }));
  await expect(page.locator("#first_name-error")).toHaveText(w.required);
  await expect(page.locator("#first_name")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, `details with errors (${w.lang})`);
  await shoot(page, testInfo, `booking-${w.lang}-3-errors`);

  await fillDetails(page, w, w.lang === "en" ? "Grace" : "Lucía");
  await expectNoAxeViolations(page, `confirmation (${w.lang})`);
  await shoot(page, testInfo, `booking-${w.lang}-4-confirmation`);
  await expect(page.getByTestId("your-time")).toContainText("America/New York");
  await expect(page.getByTestId("center-time")).toContainText("America/Los Angeles");
  await expect(page.getByTestId("code")).toHaveText(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  const firstTime = await page.getByTestId("your-time").textContent();

  const ics = await downloadCalendar(page, w);
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  expect(ics).toContain("METHOD:REQUEST");

  await press(page, page.getByRole("button", { name: w.cancel }));
  await expect(page.getByRole("heading", { name: w.cancelled })).toBeVisible();
  await expectNoAxeViolations(page, `cancelled (${w.lang})`);
  await shoot(page, testInfo, `booking-${w.lang}-5-cancelled`);

  // Book again from the cancelled page: the same time is free again.
  await press(page, page.getByRole("link", { name: w.bookAgain }));
  await chooseFirstTime(page, w);
  await fillDetails(page, w, w.lang === "en" ? "Grace" : "Lucía");
  await expect(page.getByTestId("your-time")).toHaveText(firstTime!);

  // Reschedule to another day: its link stays on the reschedule page (a new booking's
  // times step would make a second appointment), then its first free time.
  await press(page, page.getByRole("link", { name: w.anotherTime }));
  await expect(page.locator(".day.chosen")).toHaveCount(1);
  await expectNoAxeViolations(page, `reschedule (${w.lang})`);
  await shoot(page, testInfo, `booking-${w.lang}-6-reschedule`);
  await press(page, page.locator(".day.has-times:not(.chosen)").last());
  await expect(page).toHaveURL(/\/book\/manage\/[0-9a-f]+\/reschedule\?.*day=/);
  await expect(page.getByRole("button", { name: w.move })).toBeVisible();
  await press(page, page.locator(".time-list label").first());
  await press(page, page.getByRole("button", { name: w.move }));
  await expect(page.getByText(w.moved)).toBeVisible();
  await expect(page.getByTestId("your-time")).not.toHaveText(firstTime!);
  await expectNoAxeViolations(page, `rescheduled (${w.lang})`);
}

test("a participant in New York books, cancels, books again and reschedules (English)", async ({ page }, testInfo) => {
  await fullFlow(page, ENGLISH, testInfo);
});

test("the same flow in Spanish", async ({ page }, testInfo) => {
  await fullFlow(page, SPANISH, testInfo);
});

test("a time taken while the form was being filled in: nearest times offered, answers kept", async ({ page }, testInfo) => {
  await page.goto("/book?lang=en");
  await press(page, page.getByLabel("Career coaching"));
  await page.locator("#center").selectOption({ label: "WorkSource Tigard" });
  await press(page, page.getByRole("button", { name: "Continue" }));
  await press(page, page.getByRole("button", { name: "Continue" }));
  await expect(page.getByRole("heading", { name: "About you" })).toBeVisible();

  // Someone else books the same one-person slot first.
  const hidden = async (name: string) => (await page.locator(`input[type=hidden][name=${name}]`).getAttribute("value"))!;
  const form = {
    service: await hidden("service"), center: await hidden("center"), tz: await hidden("tz"), lang: "en",
    start: await hidden("start"), key: crypto.randomUUID(), first_name: "Other", last_name: "Person",
    email: "other@example.org", phone: "5035550100", language: "en", held: "phone",
  };
  const other = await page.request.post("/book/details", { form, maxRedirects: 0 });
  expect(other.status()).toBe(303);

  // Career coaching is held by phone or by video: the participant chooses.
  await press(page, page.getByLabel("Video call"));
  await page.getByLabel("First name").fill("Ife");
  await page.getByLabel("Last name", { exact: true }).fill("Adeyemi");
  await page.getByLabel("Email").fill("ife@example.org");
  await page.getByLabel("Telephone").fill("503 555 0199");
  await press(page, page.getByRole("button", { name: "Done — book this time" }));
  await expect(page.getByText("That time was just taken")).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveValue("Ife");
  await expect(page.getByLabel("Video call")).toBeChecked();
  await expectNoAxeViolations(page, "slot taken");
  await shoot(page, testInfo, "booking-en-7-taken");
  await press(page, page.getByRole("button", { name: "Done — book this time" }));
  await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();
  await expect(page.getByTestId("held")).toContainText("Video call with WorkSource Tigard");
});

test("a wrong manage link says plainly that it is not valid", async ({ page }, testInfo) => {
  const reply = await page.goto("/book/manage/not-a-real-link?lang=en");
  expect(reply!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await expectNoAxeViolations(page, "link not valid");
  await shoot(page, testInfo, "booking-en-8-link-not-valid");
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("booking still completes with plain forms", async ({ page }, testInfo) => {
    await page.goto("/book?lang=en");
    // Nothing detects the zone without JavaScript: the visitor types it.
    await expect(page.locator("#tz")).toHaveValue("America/Los_Angeles");
    await page.locator("#tz").fill("New York");
    await chooseFirstTime(page, ENGLISH, testInfo, "booking-nojs", false);
    await fillDetails(page, ENGLISH, "Nojs");
    await expect(page.getByTestId("your-time")).toContainText("America/New York");
    // axe-core runs as page script, so it cannot run here; the same pages are checked with
    // JavaScript on.
  });
});
