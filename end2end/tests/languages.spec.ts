// Every visitor in their own language: a full check-in in Arabic (right to left) and in
// Somali on the touch tablet, a booking from a phone in Chinese, a workshop enrolment in
// Vietnamese, Russian plural forms, and the browser's language chosen for /book. The words
// are read from the translation files, so the tests follow the files, not a copy.
import { test, expect } from "./fixtures";
import type { Page, TestInfo } from "@playwright/test";
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { expectLargeTapTargets, expectNoAxeViolations, expectNoScrolling, shoot, waitForWizard } from "./helpers";

type Strings = Record<string, Record<string, any>>;
function strings(tag: string): Strings {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "app", "locales", `${tag}.json`), "utf8"));
}
const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((t, [k, v]) => t.split(`{${k}}`).join(v), text);
const database = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/frontdesk_e2e";
const psql = (sql: string) => execFileSync("psql", [database, "-AtX", "-c", sql], { encoding: "utf8" }).trim();

/** A walk-in check-in by touch from the welcome screen in language `tag`; returns the page
 *  on the ticket. Checks every screen for axe violations, sideways scrolling and 64 px
 *  targets, and shoots each at the three sizes. */
async function checkIn(page: Page, testInfo: TestInfo, tag: string, first: string, last: string) {
  const t = strings(tag);
  const k = t.kiosk;
  await page.goto("/kiosk/tigard");
  // The kiosk always starts in English, with every language on its welcome screen.
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: t.common.language_name, exact: true }).tap();
  await expect(page.locator("html")).toHaveAttribute("lang", tag);
  await expectNoAxeViolations(page, `welcome (${tag})`);
  await expectNoScrolling(page, `welcome (${tag})`);
  await expectLargeTapTargets(page, `welcome (${tag})`);
  await shoot(page, testInfo, `lang-${tag}-1-welcome`);

  await page.getByRole("link", { name: new RegExp(t.kiosk_frame.check_in) }).tap();
  await waitForWizard(page);
  await expect(page.getByRole("heading", { name: k.first_name_question })).toBeVisible();
  await page.getByLabel(k.first_name_label, { exact: true }).fill(first);
  await expectNoAxeViolations(page, `first name (${tag})`);
  await shoot(page, testInfo, `lang-${tag}-2-first-name`);
  await page.getByRole("button", { name: k.next, exact: true }).tap();

  await expect(page.getByRole("heading", { name: k.last_name_question })).toBeVisible();
  // The last name opens empty (the two name screens share one input element).
  await expect(page.getByLabel(k.last_name_label, { exact: true })).toHaveValue("");
  // Nothing typed: the refusal is beside the field, in the screen's language.
  await page.getByRole("button", { name: k.next, exact: true }).tap();
  await expect(page.locator(".field-error")).toHaveText(k.error_required);
  await shoot(page, testInfo, `lang-${tag}-3-last-name-error`);
  await page.getByLabel(k.last_name_label, { exact: true }).fill(last);
  await page.getByRole("button", { name: k.next, exact: true }).tap();

  await expect(page.getByRole("heading", { name: k.reasons_question })).toBeVisible();
  const reason = page.locator("button[aria-pressed]").nth(3);
  await reason.tap();
  await expect(reason).toHaveAttribute("aria-pressed", "true");
  await expectNoAxeViolations(page, `reasons (${tag})`);
  await expectNoScrolling(page, `reasons (${tag})`);
  await expectLargeTapTargets(page, `reasons (${tag})`);
  await shoot(page, testInfo, `lang-${tag}-4-reasons`);
  await page.getByRole("button", { name: k.next, exact: true }).tap();

  await expect(page.getByRole("heading", { name: fill(k.registered_question, { agency: "WorkSource" }) })).toBeVisible();
  await shoot(page, testInfo, `lang-${tag}-5-registered`);
  await page.getByRole("button", { name: k.registered_not_sure, exact: true }).tap();

  await expect(page.getByRole("heading", { name: k.accommodations_question })).toBeVisible();
  await expectNoScrolling(page, `accommodations (${tag})`);
  await shoot(page, testInfo, `lang-${tag}-6-accommodations`);
  await page.getByRole("button", { name: k.next, exact: true }).tap();

  await expect(page.getByRole("heading", { name: k.privacy_heading })).toBeVisible();
  await expectNoAxeViolations(page, `privacy (${tag})`);
  await expectNoScrolling(page, `privacy (${tag})`);
  await shoot(page, testInfo, `lang-${tag}-7-privacy`);
  await page.getByRole("button", { name: k.consent_button, exact: true }).tap();

  await expect(page.getByRole("heading", { name: k.ticket_heading })).toBeVisible();
  await expect(page.getByTestId("ticket-number")).toHaveText(/^A-\d{3}$/);
  await expectNoAxeViolations(page, `ticket (${tag})`);
  await expectNoScrolling(page, `ticket (${tag})`);
  await shoot(page, testInfo, `lang-${tag}-8-ticket`);
  return t;
}

test("a full check-in in Arabic reads right to left", async ({ page }, testInfo) => {
  const t = strings("ar");
  const k = t.kiosk;
  await page.goto("/kiosk/tigard?lang=ar");
  await page.getByRole("link", { name: new RegExp(t.kiosk_frame.check_in) }).tap();
  await waitForWizard(page);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByLabel(k.first_name_label, { exact: true }).fill("Layla");
  await page.getByRole("button", { name: k.next, exact: true }).tap();
  await expect(page.getByRole("heading", { name: k.last_name_question })).toBeVisible();
  // Mirrored: Next lies left of Back, as the reader goes from right to left.
  const next = await page.getByRole("button", { name: k.next, exact: true }).boundingBox();
  const back = await page.getByRole("button", { name: k.back }).boundingBox();
  expect(next!.x + next!.width / 2).toBeLessThan(back!.x + back!.width / 2);

  await checkIn(page, testInfo, "ar", "Layla", "Haddad");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  // The ticket number reads left to right inside the Arabic screen.
  await expect(page.getByTestId("ticket-number")).toHaveCSS("direction", "ltr");
});

test("a full check-in in Somali", async ({ page }, testInfo) => {
  await checkIn(page, testInfo, "so", "Hodan", "Warsame");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});

// The other languages' full check-in, every screen at the three sizes (English and Spanish
// have their own specs).
for (const [tag, first, last] of [["vi", "Lan", "Nguyễn"], ["zh-Hans", "小明", "王"], ["ru", "Ольга", "Смирнова"]]) {
  test(`a full check-in in ${tag}`, async ({ page }, testInfo) => {
    await checkIn(page, testInfo, tag, first, last);
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, timezoneId: "America/Los_Angeles" });

  // Every booking step in every language, at the three sizes, with a refusal shown.
  for (const tag of ["en", "es", "vi", "zh-Hans", "ru", "so", "ar"]) {
    test(`every booking step in ${tag}`, async ({ page }, testInfo) => {
      const b = strings(tag).booking;
      await page.goto(`/book?lang=${tag}`);
      await expect(page.locator("html")).toHaveAttribute("dir", tag === "ar" ? "rtl" : "ltr");
      await page.locator('label[for="service-resume_review"]').tap();
      await page.locator("#center").selectOption({ index: 1 });
      await shoot(page, testInfo, `lang-${tag}-book-1-start`);
      await page.getByRole("button", { name: b.continue_button }).tap();
      await expect(page.locator("table.calendar").first()).toBeVisible();
      await shoot(page, testInfo, `lang-${tag}-book-2-times`);
      await page.getByRole("button", { name: b.continue_button }).tap();
      await expect(page.locator("input[name=key]")).toBeAttached();
      await page.getByRole("button", { name: b.done_button }).tap();
      await expect(page.locator("#first_name-error")).toHaveText(b.error_required);
      await expectNoAxeViolations(page, `booking details with errors (${tag})`);
      await shoot(page, testInfo, `lang-${tag}-book-3-errors`);
    });
  }

  test("a booking in Chinese confirms its date in Chinese", async ({ page }, testInfo) => {
    const t = strings("zh-Hans");
    const b = t.booking;
    await page.goto("/book?lang=zh-Hans");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await page.locator('label[for="service-resume_review"]').tap();
    await page.locator("#center").selectOption({ index: 1 });
    await expectNoAxeViolations(page, "booking start (zh-Hans)");
    await shoot(page, testInfo, "lang-zh-Hans-book-1-start");
    await page.getByRole("button", { name: b.continue_button }).tap();
    await expect(page.locator("table.calendar").first()).toBeVisible();
    // The month is named in Chinese ("2026年12月").
    await expect(page.locator("table.calendar caption").first()).toHaveText(/^\d{4}年\d{1,2}月$/);
    await shoot(page, testInfo, "lang-zh-Hans-book-2-times");
    await page.getByRole("button", { name: b.continue_button }).tap();
    await expect(page.locator("input[name=key]")).toBeAttached();
    await page.locator("#first_name").fill("Mei");
    await page.locator("#last_name").fill("Chen");
    await page.locator("#email").fill("mei.chen@example.org");
    await page.locator("#phone").fill("(503) 555-0168");
    await shoot(page, testInfo, "lang-zh-Hans-book-3-details");
    await page.getByRole("button", { name: b.done_button }).tap();
    await expect(page.getByRole("heading", { name: b.confirmed_heading })).toBeVisible();
    // "2026年12月7日星期一 09:00": the date in Chinese, from CLDR.
    await expect(page.getByTestId("your-time")).toContainText(/\d{4}年\d{1,2}月\d{1,2}日星期./);
    await expectNoAxeViolations(page, "booking confirmed (zh-Hans)");
    await shoot(page, testInfo, "lang-zh-Hans-book-4-confirmed");
  });

  test("a workshop enrolment in Vietnamese", async ({ page }, testInfo) => {
    const w = strings("vi").workshops;
    await page.goto("/workshops?lang=vi&tz=America%2FLos_Angeles");
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expectNoAxeViolations(page, "workshop catalog (vi)");
    await shoot(page, testInfo, "lang-vi-workshops-1-catalog");
    await page.getByRole("link", { name: w.details_link }).first().tap();
    await expect(page.getByRole("heading", { name: w.enrol_heading })).toBeVisible();
    await page.locator("#first_name").fill("Lan");
    await page.locator("#last_name").fill("Nguyễn");
    await page.locator("#contact").fill("lan.nguyen@example.org");
    await shoot(page, testInfo, "lang-vi-workshops-2-enrol");
    await page.getByRole("button", { name: w.enrol_button, exact: true }).tap();
    await expect(page.getByTestId("enrolment-status")).toHaveText(w.enrolled_heading);
    await expectNoAxeViolations(page, "workshop enrolled (vi)");
    await shoot(page, testInfo, "lang-vi-workshops-3-enrolled");
  });

  test("Russian counts seats with one, few and many", async ({ page }, testInfo) => {
    const forms = strings("ru").workshops.seats_left;
    await page.goto("/workshops?lang=ru&topic=networking&tz=America%2FLos_Angeles");
    await page.getByRole("link", { name: strings("ru").workshops.details_link }).first().tap();
    await page.waitForURL(/\/workshops\/\d+/);
    const id = new URL(page.url()).pathname.split("/").pop();
    for (const [left, form] of [[1, forms.one], [3, forms.few], [5, forms.many]] as [number, string][]) {
      psql(`update workshop_sessions set capacity = enrolled + ${left} where id = ${id}`);
      await page.reload();
      await expect(page.getByTestId("seats")).toHaveText(fill(form, { count: String(left) }));
    }
    await shoot(page, testInfo, "lang-ru-workshops-seats");
    psql(`update workshop_sessions set capacity = 3 where id = ${id} and enrolled <= 3`);
  });

  test("/book opens in the browser's language, and the picker changes it", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ru-RU", extraHTTPHeaders: { "Accept-Language": "de-DE, ru;q=0.9, en;q=0.5" } });
    const page = await context.newPage();
    await page.goto("/book");
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await page.getByRole("navigation", { name: strings("ru").kiosk.choose_language }).getByRole("link", { name: "Soomaali" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "so");
    await expect(page).toHaveURL(/lang=so/);
    await context.close();
  });
});
