// No empty chair: Wen, on a phone, finds no time that suits her and asks to be told when
// one opens; Tomás books the one time that would, then cancels it; Wen follows the emailed
// link (from the real SMTP server the tests run) and books the time held for her.
import { test, expect } from "./fixtures";
import { execFileSync } from "child_process";
import { emailedLink, expectNoAxeViolations, shoot } from "./helpers";
import { press } from "./booking-helpers";

test.use({
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  timezoneId: "America/Los_Angeles",
});

const database = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/frontdesk_e2e";
const sql = (query: string) => execFileSync("psql", [database, "-AtX", "-c", query], { encoding: "utf8" }).trim();

const TIMES = "/book/times?service=interview_practice&center=gresham&tz=America%2FLos_Angeles&lang=en";
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

test("a freed time goes to the first person waiting, who books it from the emailed link", async ({ page, browser }, testInfo) => {
  // One seat a day for interview practice at Gresham, a week ahead: a weekday's mornings
  // name one slot (the test's own center and service; no other spec books them).
  sql(`update center_services set capacity = 1, slot_minutes = 480, lead_minutes = 0, horizon_days = 7
        where center_id = 'gresham' and service_id = 'interview_practice'`);

  // Wen looks at the times: the last day offered that is not today's weekday (so it is the
  // only one of its weekday in the week ahead).
  await page.goto(TIMES);
  const today = new Date().toLocaleDateString("en-US", { weekday: "long", timeZone: "America/Los_Angeles" });
  const days = await page.locator("a.day.has-times").evaluateAll((links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get("day")!));
  const day = days.filter((d) => WEEKDAYS[new Date(`${d}T12:00:00Z`).getUTCDay()] !== today).pop()!;
  const weekday = WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()];
  const isoWeekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7 + 1;

  // She asks to be told when a time on that weekday's morning opens.
  await press(page, page.getByTestId("join-waitlist"));
  await expect(page.getByRole("heading", { name: "Tell me when a time opens" })).toBeVisible();
  await expectNoAxeViolations(page, "waiting list form");
  // The form starts at weekdays' mornings and afternoons: she clears the days and the
  // afternoons, and sends it so.
  for (const day of [1, 2, 3, 4, 5]) await page.locator(`#day-${day}`).tap();
  await page.locator("#part-afternoon").tap();
  await press(page, page.getByRole("button", { name: "Put me on the waiting list" }));
  // Nothing but the wish: every missing detail beside its field, the wish kept.
  await expect(page.locator("#days-error")).toHaveText("Choose at least one day.");
  await expect(page.locator("#first_name-error")).toHaveText("Please fill this in.");
  await expectNoAxeViolations(page, "waiting list form refused");
  await shoot(page, testInfo, "waitlist-1-refused");
  await page.getByLabel(weekday).tap();
  await expect(page.getByLabel("Mornings (before noon)")).toBeChecked();
  await expect(page.getByLabel("Afternoons (noon to 5 pm)")).not.toBeChecked();
  await page.getByLabel("Phone call").tap();
  await page.getByLabel("First name").fill("Wen");
  await page.getByLabel("Last name", { exact: true }).fill("Zhou");
  await page.getByLabel("Email").fill("wen@example.org");
  await page.getByLabel("Telephone").fill("(503) 555-0142");
  await press(page, page.getByRole("button", { name: "Put me on the waiting list" }));
  await expect(page.getByTestId("waitlist-sent")).toBeVisible();
  await expectNoAxeViolations(page, "check your email");
  await shoot(page, testInfo, "waitlist-2-sent");

  // Tomás, on his own phone, books that day's one time.
  const his = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, timezoneId: "America/Los_Angeles" });
  const tomas = await his.newPage();
  await tomas.goto(`${TIMES}&day=${day}`);
  await press(tomas, tomas.getByRole("button", { name: "Continue" }));
  await tomas.getByLabel("Phone call").tap();
  await tomas.getByLabel("First name").fill("Tomás");
  await tomas.getByLabel("Last name", { exact: true }).fill("Reyes");
  await tomas.getByLabel("Email").fill("tomas@example.org");
  await tomas.getByLabel("Telephone").fill("(503) 555-0177");
  await press(tomas, tomas.getByRole("button", { name: "Done — book this time" }));
  await expect(tomas.getByRole("heading", { name: "You are booked" })).toBeVisible();

  // Wen confirms her place from the emailed link: a press, not the link, confirms it.
  await page.goto(await emailedLink("wen@example.org", "waitlist_confirm"));
  await expect(page.getByText("Confirm that you want an email")).toBeVisible();
  await expectNoAxeViolations(page, "confirm the waiting list");
  await press(page, page.getByRole("button", { name: "Yes, keep me on the list" }));
  await expect(page.getByTestId("waitlist-confirmed")).toBeVisible();
  await expect(page.locator(".booking-facts")).toContainText(weekday);
  await shoot(page, testInfo, "waitlist-3-confirmed");
  expect(sql("select count(*) from slot_holds"), "the one fitting time is taken: nothing to hold").toBe("0");

  // Tomás cancels: the time is held for Wen, who is emailed.
  await press(tomas, tomas.getByRole("button", { name: "Cancel this appointment" }));
  await expect(tomas.getByRole("heading", { name: "Your appointment is cancelled" })).toBeVisible();
  await his.close();
  const hold = await emailedLink("wen@example.org", "waitlist_hold");
  await page.goto(hold.replace("lang=en", "lang=ar"));
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectNoAxeViolations(page, "a time held (Arabic)");
  await shoot(page, testInfo, "waitlist-4-held-ar");
  await page.goto(hold);
  await expect(page.getByRole("heading", { name: "A time opened for you" })).toBeVisible();
  await expect(page.getByTestId("hold-status")).toContainText("We are holding this time for you until");
  await expect(page.getByTestId("your-time")).toContainText(weekday);
  await expectNoAxeViolations(page, "a time held");
  await shoot(page, testInfo, "waitlist-5-held");

  // One press books it, with the details she gave when she joined.
  await press(page, page.getByRole("button", { name: "Book this time" }));
  await expect(page.getByRole("heading", { name: "You are booked" })).toBeVisible();
  await expect(page.getByTestId("your-time")).toContainText(weekday);
  await shoot(page, testInfo, "waitlist-6-booked");
  expect(sql(`select first_name || ' ' || last_name from bookings
               where center_id = 'gresham' and service_id = 'interview_practice' and status = 'booked'
                 and starts_at > now()`)).toBe("Wen Zhou");
  expect(sql(`select s.booked || '/' || s.on_hold from slot_seats s join bookings b
                 on b.center_id = s.center_id and b.service_id = s.service_id and b.starts_at = s.starts_at
               where b.first_name = 'Wen' and b.status = 'booked'`)).toBe("1/0");
  // The confirmation came through the SMTP server too.
  expect(await emailedLink("wen@example.org", "confirmation")).toMatch(/^\/book\/manage\//);
});
