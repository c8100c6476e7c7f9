// Appointment services are the agency's data: an admin adds one named in English and
// Spanish, held by phone or video, and offers it at a center; a participant at home on a
// phone then books it in Spanish, choosing a video call by touch, and the confirmation
// says how it is held.
import { test, expect } from "./fixtures";
import { execFileSync } from "child_process";
import { emailedLink, expectNoAxeViolations, shoot, signedInStaffPage } from "./helpers";
import { press } from "./booking-helpers";

test("an admin adds a service that a participant then books as a video call", async ({ browser }, testInfo) => {
  const { context: desk, page: admin } = await signedInStaffPage(browser, "tigard", "admin@frontdesk.test");
  await admin.goto("/staff/services");
  await expect(admin.getByRole("heading", { name: "Appointment services", level: 1 })).toBeVisible();
  await expect(admin.getByTestId("services-table")).toContainText("Career coaching");
  await expectNoAxeViolations(admin, "services");

  // Nothing ticked and no Spanish name: refused beside each, the English name kept.
  const english = admin.getByRole("group", { name: "In English" });
  const spanish = admin.getByRole("group", { name: "In Español" });
  await english.getByLabel("Name on the booking page").fill("Youth employment coaching");
  await english.getByLabel("Hint under the name (optional)").fill("For ages 16 to 24");
  await admin.getByLabel("In person at the center").uncheck();
  await admin.getByRole("button", { name: "Add service" }).click();
  await expect(admin.locator("#held-error")).toHaveText("Tick at least one way the appointment is held.");
  await expect(spanish.locator(".field-error")).toHaveText("Type a name of at most 60 characters, without { or }.");
  await expect(english.getByLabel("Name on the booking page")).toHaveValue("Youth employment coaching");
  await expectNoAxeViolations(admin, "services, refused");
  await shoot(admin, testInfo, "staff-services-refused");

  await spanish.getByLabel("Name on the booking page").fill("Orientación laboral para jóvenes");
  await spanish.getByLabel("Hint under the name (optional)").fill("De 16 a 24 años");
  await admin.getByLabel("Phone call").check();
  await admin.getByLabel("Video call").check();
  await admin.getByLabel("they join the line as").selectOption({ label: "Job coaching" });
  await admin.getByRole("button", { name: "Add service" }).click();
  await expect(admin.getByRole("status")).toHaveText("Service added. Offer it at each center on the center's hours page.");
  const row = admin.locator('tr[data-service="youth_employment_coaching"]');
  await expect(row).toContainText("Phone call · Video call · Arrives as “Job coaching”");
  await shoot(admin, testInfo, "staff-services");

  // Tigard offers it.
  await admin.goto("/staff/availability?center=tigard");
  await admin.getByLabel("Youth employment coaching: offered here").check();
  await admin.getByRole("button", { name: "Save hours and services" }).click();
  await expect(admin.getByLabel("Youth employment coaching: offered here")).toBeChecked();
  await desk.close();

  // A participant on a phone books it in Spanish and chooses a video call by touch.
  const home = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await home.newPage();
  await page.goto("/book?lang=es");
  const service = page.getByLabel(/Orientación laboral para jóvenes/);
  await expect(page.locator("label", { has: service })).toContainText("De 16 a 24 años");
  await press(page, service);
  await page.locator("#center").selectOption({ label: "WorkSource Tigard" });
  await press(page, page.getByRole("button", { name: "Continuar" }));
  await expect(page.locator("table.calendar").first()).toBeVisible();
  await press(page, page.getByRole("button", { name: "Continuar" }));
  await expect(page.locator("input[name=key]")).toBeAttached();
  await expect(page.getByRole("group", { name: "Cómo se realiza la cita" })).toBeVisible();
  await expectNoAxeViolations(page, "details with the way to choose (es)");
  await shoot(page, testInfo, "booking-es-held-choice");
  await page.getByLabel("Videollamada").tap();
  await expect(page.getByLabel("Videollamada")).toBeChecked();
  await page.getByLabel("Nombre", { exact: true }).fill("Marisol");
  await page.getByLabel("Apellido", { exact: true }).fill("Reyes");
  await page.getByLabel("Correo electrónico").fill("marisol@example.org");
  await page.getByLabel("Teléfono", { exact: true }).fill("(503) 555-0177");
  await press(page, page.getByRole("button", { name: /Listo/ }));
  // Tigard's own link (the demo's) comes with it, ready to tap.
  await expect(page.getByTestId("held")).toContainText("Videollamada con WorkSource Tigard: conéctese en https://meet.example.org/worksource-tigard");
  await expect(page.getByTestId("join-video")).toHaveAttribute("href", "https://meet.example.org/worksource-tigard");
  await expectNoAxeViolations(page, "confirmation of a video call (es)");
  await shoot(page, testInfo, "booking-es-video-confirmed");

  // A coach gives this appointment a link of its own: the participant is emailed it.
  const database = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/frontdesk_e2e";
  const id = execFileSync("psql", [database, "-AtX", "-c",
    "select id from bookings where email = 'marisol@example.org'"], { encoding: "utf8" }).trim();
  // A coach: the front desk may not send links in the agency's name.
  const { context: desk2, page: staff } = await signedInStaffPage(browser, "tigard", "coach@frontdesk.test");
  await staff.goto(`/staff/calendar/${id}`);
  await expect(staff.getByTestId("held")).toHaveText("Video call");
  const link = staff.getByLabel("Link for this appointment");
  await expect(link).toHaveValue("https://meet.example.org/worksource-tigard");
  await link.fill("not a link");
  await staff.getByRole("button", { name: "Save and email the participant" }).click();
  await expect(staff.locator("#meeting_link-error")).toHaveText("Type a web address that starts with https://, or leave it empty.");
  await expect(staff.getByLabel("Link for this appointment")).toHaveValue("not a link");
  await staff.getByLabel("Link for this appointment").fill("https://meet.example.org/marisol-coach");
  await staff.getByRole("button", { name: "Save and email the participant" }).click();
  await expect(staff.getByRole("status")).toHaveText("The participant was emailed the new link.");
  await expectNoAxeViolations(staff, "appointment with a video link");
  await shoot(staff, testInfo, "staff-appointment-video-link");
  await page.goto(await emailedLink("marisol@example.org", "meeting_link"));
  await expect(page.getByTestId("join-video")).toHaveAttribute("href", "https://meet.example.org/marisol-coach");
  await desk2.close();
  await home.close();
});
