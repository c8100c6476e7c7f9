// Staff plan workshops: create a weekly series (a refused form first), see people enrol
// from home, move one to the next date (the first in line gets the freed seat), move the
// time (everyone is told), then cancel, which the enrolled person's private link shows.
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { emailedLink, expectNoAxeViolations, shoot, signedInStaffPage } from "./helpers";

/** A Monday two to three weeks ahead, as YYYY-MM-DD. */
function mondayAhead(): string {
  const day = new Date(Date.now() + 14 * 24 * 3600 * 1000);
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7));
  return day.toISOString().slice(0, 10);
}

async function enrolFromHome(page: Page, session: string, first: string): Promise<string> {
  await page.goto(`${session}?lang=en`);
  await page.getByLabel("First name").fill(first);
  await page.getByLabel("Last name").fill("Planner");
  await page.getByLabel("Email or phone").fill(`${first.toLowerCase()}@example.org`);
  await page.locator("form.booking-form button[type=submit]").tap();
  await expect(page.getByTestId("enrolment-status")).toBeVisible();
  return page.url();
}

test.use({ hasTouch: true });

test("staff create a series, move a person, change the time and cancel", async ({ page, browser }, testInfo) => {
  // A title of its own, so that a rerun on the same database finds this series only.
  const title = `Interview practice for warehouse jobs ${Date.now().toString(36)}`;
  const { context, page: staff } = await signedInStaffPage(browser, "tigard", "coach@frontdesk.test");
  await staff.goto("/staff/workshops?lang=en");
  await expectNoAxeViolations(staff, "staff workshops");
  await staff.getByRole("link", { name: "New session or series" }).click();
  await expect(staff.getByRole("heading", { name: "New session or series" })).toBeVisible();
  await expectNoAxeViolations(staff, "new session form");
  await shoot(staff, testInfo, "staff-session-1-new");

  // Sent half filled in: every problem beside its field, nothing typed lost.
  await staff.getByLabel("Title", { exact: true }).fill(title);
  await staff.getByLabel("Where", { exact: true }).selectOption({ label: "Online (virtual)" });
  await staff.getByRole("button", { name: "Create" }).click();
  await expect(staff.getByRole("alert")).toHaveText("Please correct the fields marked below.");
  await expect(staff.locator("#topic-error")).toHaveText("Please choose one of the options.");
  await expect(staff.locator("#meeting_link-error")).toHaveText("Please fill this in.");
  await expect(staff.locator("#date-error")).toHaveText("Please fill this in.");
  await expect(staff.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expectNoAxeViolations(staff, "new session refused");
  await shoot(staff, testInfo, "staff-session-2-refused");

  await staff.getByLabel("Topic", { exact: true }).selectOption({ label: "Interviewing" });
  await staff.getByLabel("Where", { exact: true }).selectOption({ label: "Tigard" });
  await staff.getByLabel("Date", { exact: true }).fill(mondayAhead());
  await staff.getByLabel("Starts", { exact: true }).fill("10:00");
  await staff.getByLabel("Ends", { exact: true }).fill("11:30");
  await staff.getByLabel("Weekly dates", { exact: true }).fill("2");
  await staff.getByLabel("Seats", { exact: true }).fill("2");
  await staff.getByLabel("Facilitator", { exact: true }).fill("Ana Ruiz");
  await staff.getByRole("button", { name: "Create" }).click();
  await expect(staff.getByRole("status")).toHaveText("Created a series of 2 dates.");
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(title);
  const firstId = staff.url().match(/workshops\/(\d+)/)![1];

  // Three people enrol from home on the first date: two seats, one waiting.
  const session = `/workshops/${firstId}`;
  await enrolFromHome(page, session, "Amal");
  await enrolFromHome(page, session, "Bao");
  await enrolFromHome(page, session, "Chidi");
  await expect(page.getByTestId("enrolment-status")).toHaveText("You are on the waitlist");

  await staff.reload();
  await expect(staff.getByTestId("roster-seats")).toHaveText("2 of 2 seats taken");
  await expect(staff.getByTestId("waitlist")).toContainText("Chidi Planner");
  await expectNoAxeViolations(staff, "roster with move and cancel");
  await shoot(staff, testInfo, "staff-session-3-roster");

  // Amal moves to the second date; Chidi, first in line, gets Amal's seat.
  const amalRow = staff.getByRole("row", { name: /Amal Planner/ });
  const secondDate = await amalRow.locator("option", { hasText: title }).getAttribute("value");
  await amalRow.getByRole("combobox").selectOption(secondDate!);
  await amalRow.getByRole("button", { name: "Move Amal Planner" }).click();
  await expect(staff.getByRole("status")).toHaveText("Moved: the person now has a seat in the other session.");
  await expect(staff.getByRole("rowheader", { name: "Chidi Planner" })).toBeVisible();
  await expect(staff.getByRole("rowheader", { name: "Amal Planner" })).toHaveCount(0);

  // Half an hour later: both people on the session are told.
  await staff.getByRole("link", { name: "Edit session" }).click();
  await expect(staff.getByLabel("Starts", { exact: true })).toHaveValue("10:00");
  await expectNoAxeViolations(staff, "edit session form");
  await shoot(staff, testInfo, "staff-session-4-edit");
  await staff.getByLabel("Starts", { exact: true }).fill("10:30");
  await staff.getByLabel("Ends", { exact: true }).fill("12:00");
  await staff.getByRole("button", { name: "Save changes" }).click();
  await expect(staff.getByRole("status")).toHaveText("Saved. 2 people were emailed about the new time or place.");

  // Cancelled: the roster says so and Bao's private link shows it.
  await staff.getByRole("button", { name: "Cancel session and tell everyone" }).click();
  await expect(staff.getByRole("status")).toHaveText("Cancelled. Everyone enrolled or waiting is being emailed.");
  await expect(staff.locator(".badge-cancelled")).toHaveText("Cancelled");
  await expect(staff.getByRole("link", { name: "Edit session" })).toHaveCount(0);
  await shoot(staff, testInfo, "staff-session-5-cancelled");
  // The cancellation email's link is the one that works now.
  await page.goto(await emailedLink("bao@example.org", "workshop_cancelled"));
  await expect(page.getByTestId("enrolment-status")).toHaveText("This session was cancelled.");
  await expect(page.getByRole("button", { name: "Cancel my enrolment" })).toHaveCount(0);
  await expectNoAxeViolations(page, "enrolment in a cancelled session");

  // The second date is still on, with Amal on it.
  await staff.goto("/staff/workshops?lang=en");
  await staff.getByRole("link", { name: title }).last().click();
  await expect(staff.getByRole("rowheader", { name: "Amal Planner" })).toBeVisible();
  await context.close();
});
