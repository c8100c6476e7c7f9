// A new center, set up at a desk: an admin adds it (a mistyped phone comes back beside its
// field), gives it hours and a service, a manager pairs its kiosk tablet, and a visitor
// checks in there by touch; the staff queue of the new center shows them. The setup pages
// around it (closures at every center, data we keep) are checked and photographed too.
import { test, expect } from "./fixtures";
import { STAFF_SERVER, expectNoAxeViolations, shoot, signedInStaffPage, waitForWizard } from "./helpers";

test("an admin sets up a new center and its kiosk, where a visitor then checks in by touch", async ({ browser }, testInfo) => {
  const { context: desk, page: admin } = await signedInStaffPage(browser, "tigard", "admin@frontdesk.test");
  await admin.goto("/staff/centers");
  await expect(admin.getByRole("heading", { name: "Centers", level: 1 })).toBeVisible();
  await expect(admin.getByTestId("centers")).toContainText("Gresham");
  await expectNoAxeViolations(admin, "centers");

  await admin.getByLabel("Short name").fill("Hood River");
  await admin.getByLabel("Name", { exact: true }).fill("Hood River");
  await admin.getByLabel("Address").fill("1110 June St, Hood River, OR 97031");
  await admin.getByLabel("Phone").fill("12");
  await admin.getByLabel("Time zone").fill("America/Los_Angeles");
  await admin.getByRole("button", { name: "Add center" }).click();
  await expect(admin.locator("#phone-error")).toHaveText("Please type a phone number with 10 to 15 digits, or leave it empty.");
  await expect(admin.getByLabel("Address")).toHaveValue("1110 June St, Hood River, OR 97031");
  await expectNoAxeViolations(admin, "centers, refused");
  await shoot(admin, testInfo, "staff-centers-refused");
  await admin.getByLabel("Phone").fill("(541) 386-4110");
  await admin.getByRole("button", { name: "Add center" }).click();
  await expect(admin.getByRole("status")).toHaveText("Center added. Next, set its hours and services.");
  await expect(admin.getByRole("heading", { name: "Edit Hood River" })).toBeVisible();
  await expectNoAxeViolations(admin, "center edit");
  await shoot(admin, testInfo, "staff-center-edit");

  // Hours Monday to Friday and one service.
  await admin.getByRole("link", { name: "Hours and services of Hood River" }).click();
  for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]) {
    await admin.getByLabel(`${day}: opens`).fill("08:00");
    await admin.getByLabel(`${day}: closes`).fill("17:00");
  }
  await admin.getByLabel("Resume review: offered here").check();
  await admin.getByLabel("Resume review: slot length in minutes").fill("45");
  await admin.getByRole("button", { name: "Save hours and services" }).click();
  await expect(admin.getByRole("status")).toHaveText("Saved.");
  await expect(admin.getByLabel("Resume review: slot length in minutes")).toHaveValue("45");
  await expectNoAxeViolations(admin, "hours and services");
  await shoot(admin, testInfo, "staff-hours-and-services");

  // Its kiosk tablet, paired by touch.
  await admin.goto("/staff/kiosks");
  await admin.getByLabel("Center").selectOption("hood-river");
  await admin.getByLabel("Tablet name").fill("Hood River lobby");
  await admin.getByRole("button", { name: "Make a pairing code" }).click();
  const code = (await admin.getByTestId("pairing-code").textContent()) ?? "";
  // Pairing is limited per server process and address (5 a minute), and the setup project
  // has just paired five tablets on the kiosk server: this one pairs on the other process.
  const tablet = await browser.newContext({
    baseURL: STAFF_SERVER, viewport: { width: 1280, height: 800 }, hasTouch: true, storageState: { cookies: [], origins: [] },
  });
  const kiosk = await tablet.newPage();
  await kiosk.goto("/kiosk/pair");
  await kiosk.getByLabel("Pairing code").tap();
  await kiosk.getByLabel("Pairing code").fill(code);
  await kiosk.getByRole("button", { name: "Set up this tablet" }).tap();
  await expect(kiosk).toHaveURL(/\/kiosk\/hood-river/);
  await expect(kiosk.getByRole("heading", { name: "Welcome to WorkSource" })).toBeVisible();
  await expect(kiosk.locator("body")).toContainText("Hood River");

  // A visitor checks in there.
  await kiosk.getByRole("link", { name: /Check in/ }).tap();
  await waitForWizard(kiosk);
  await kiosk.getByLabel("First name").fill("Hana");
  await kiosk.getByRole("button", { name: "Next" }).tap();
  await kiosk.getByLabel("Last name").fill("Okafor");
  await kiosk.getByRole("button", { name: "Next" }).tap();
  await kiosk.getByRole("button", { name: "Resume review" }).tap();
  await kiosk.getByRole("button", { name: "Next" }).tap();
  await kiosk.getByRole("button", { name: "Yes" }).tap();
  await kiosk.getByRole("button", { name: "Next" }).tap();
  await expect(kiosk.locator("body")).toContainText("30 days");
  await kiosk.getByRole("button", { name: "I agree. Give me my ticket." }).tap();
  await expect(kiosk.getByRole("heading", { name: "You are checked in" })).toBeVisible();
  await expect(kiosk.getByTestId("ticket-number")).toHaveText("A-001");

  // The new center's queue shows them.
  await admin.goto("/staff/queue?center=hood-river");
  await expect(admin.locator("main")).toContainText("Hana");

  // The centers list in Spanish, and the setup log names the admin.
  await admin.goto("/staff/centers?lang=es");
  await expect(admin.getByTestId("setup-log")).toContainText("Demo Admin");
  await expectNoAxeViolations(admin, "centers (es)");
  await shoot(admin, testInfo, "staff-centers-es");

  // Closures at every center and the data kept, as a manager sees them.
  await admin.goto("/staff/closures/agency");
  await expect(admin.getByRole("heading", { name: "Closures at every center" })).toBeVisible();
  await expectNoAxeViolations(admin, "closures at every center");
  await shoot(admin, testInfo, "staff-agency-closures");
  await admin.goto("/staff/privacy");
  await expect(admin.getByTestId("data-we-keep")).toContainText("30 days after the visit");
  await expectNoAxeViolations(admin, "data we keep");
  await shoot(admin, testInfo, "staff-data-we-keep");
  await admin.goto("/staff/privacy?lang=es");
  await shoot(admin, testInfo, "staff-data-we-keep-es");

  await tablet.close();
  await desk.close();
});

test("an admin changes the Language Access Line and the kiosk served by the other process shows it", async ({ page, browser }, testInfo) => {
  const { context: desk, page: admin } = await signedInStaffPage(browser, "tigard", "admin@frontdesk.test");
  await page.goto("/kiosk/tigard");
  await expect(page.locator(".kiosk-footer")).toContainText(/\(833\).685.0845/);

  await admin.goto("/staff/agency");
  await expect(admin.getByRole("heading", { name: "Agency settings", level: 1 })).toBeVisible();
  await expect(admin.getByLabel("Agency name")).toHaveValue("WorkSource Portland Metro");
  await expectNoAxeViolations(admin, "agency settings");
  await admin.getByLabel("Language Access Line").fill("call us");
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.locator("#language_line-error")).toHaveText("Please enter a phone number of 10 to 15 digits, or leave it empty.");
  await expect(admin.getByLabel("Language Access Line")).toHaveValue("call us");
  await expectNoAxeViolations(admin, "agency settings, refused");
  await shoot(admin, testInfo, "staff-agency-refused");

  await admin.getByLabel("Language Access Line").fill("(503) 555-0199");
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByRole("status")).toHaveText("The agency settings are saved.");
  await expect(admin.getByTestId("setup-log")).toContainText("Language Access Line: “8336850845” → “5035550199”");
  await shoot(admin, testInfo, "staff-agency");
  await admin.goto("/staff/agency?lang=es");
  await shoot(admin, testInfo, "staff-agency-es");

  // The kiosk is served by the other server process, which hears of the change.
  await expect(async () => {
    await page.reload();
    await expect(page.locator(".kiosk-footer")).toContainText(/\(503\).555.0199/, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await shoot(page, testInfo, "kiosk-new-language-line");

  // Booking from home ends with the agency's own links (the demo sets all three).
  await page.goto("/book?lang=es");
  await expect(page.getByTestId("handoff-links")).toContainText("Biblioteca de capacitación en línea");
  await expect(page.locator(".booking-footer")).toContainText(/\(503\).555.0199/);
  await expectNoAxeViolations(page, "booking start with hand-off links");
  await shoot(page, testInfo, "booking-handoff-links-es");

  // As it was, for the tests that follow.
  await admin.goto("/staff/agency");
  await admin.getByLabel("Language Access Line").fill("833-685-0845");
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByRole("status")).toHaveText("The agency settings are saved.");
  await desk.close();
});
