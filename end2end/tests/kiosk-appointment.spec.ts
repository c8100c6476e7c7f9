// "I have an appointment" on the kiosk tablet, by touch: found by confirmation code, the
// visitor gets a ticket ahead of walk-ins, and staff on the other server process see the
// arrival live in the queue and on the day view of appointments.
import { test, expect } from "./fixtures";
import { execFileSync } from "child_process";
import { expectLargeTapTargets, expectNoAxeViolations, expectNoScrolling, shoot, signedInStaffPage } from "./helpers";

const database = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/frontdesk_e2e";

/** A booking starting now at Tigard (the real clock may be on a weekend, when no slot
 *  could be booked through the form). */
function bookingNow(code: string, first: string, last: string, phone: string) {
  execFileSync("psql", [database, "-qc", `
    insert into bookings (code, idempotency_key, center_id, service_id, starts_at, ends_at, visitor_time_zone,
      first_name, last_name, email, phone, phone_last4, language, email_locale, accommodations)
    values ('${code}', gen_random_uuid(), 'tigard', 'career_coaching', now(), now() + interval '1 hour',
      'America/Los_Angeles', '${first}', '${last}', 'e2e@example.org', '${phone}', right('${phone}', 4), 'en', 'en',
      '{large_print}')`]);
}

test("a visitor with an appointment checks in by code and staff see it live", async ({ page, browser }, testInfo) => {
  bookingNow("QWER2345", "Amara", "Nwosu", "5035550123");
  const { context, page: staff } = await signedInStaffPage(browser, "tigard");

  await page.goto("/kiosk/tigard");
  await page.getByRole("link", { name: /I have an appointment/ }).tap();
  await expect(page.getByRole("heading", { name: "Find your appointment" })).toBeVisible();
  await expectNoAxeViolations(page, "appointment search");
  await expectLargeTapTargets(page, "appointment search");
  await expectNoScrolling(page, "appointment search");
  await shoot(page, testInfo, "kiosk-appointment-1-search");

  // A mistyped code is explained beside the field and kept.
  await page.getByLabel("Confirmation code").tap();
  await page.getByLabel("Confirmation code").fill("QWER-234O");
  await page.getByRole("button", { name: "Find my appointment" }).first().tap();
  await expect(page.getByText("This is not a confirmation code")).toBeVisible();
  await expect(page.getByLabel("Confirmation code")).toHaveValue("QWER-234O");
  await expectNoAxeViolations(page, "appointment code refused");
  await shoot(page, testInfo, "kiosk-appointment-2-refused");

  await page.getByLabel("Confirmation code").fill("qwer 2345");
  await page.getByRole("button", { name: "Find my appointment" }).first().tap();
  await expect(page.getByRole("heading", { name: "Thank you, Amara. You are checked in." })).toBeVisible();
  await expect(page.getByTestId("ticket-number")).toHaveText(/^B-\d{3}$/);
  const ticket = (await page.getByTestId("ticket-number").textContent())!;
  await expectNoAxeViolations(page, "appointment arrived");
  await expectNoScrolling(page, "appointment arrived");
  await shoot(page, testInfo, "kiosk-appointment-3-arrived");

  // Live on the staff screen served by the other process, marked as an appointment.
  const row = staff.locator(`tr[data-ticket="${ticket}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Appointment");
  await expect(row).toContainText("Large print");

  await staff.goto("/staff/appointments?center=tigard");
  await expect(staff.getByRole("cell", { name: "Amara N." })).toBeVisible();
  await expect(staff.locator('tr[data-status="arrived"]')).toContainText("Arrived");
  await expectNoAxeViolations(staff, "staff appointments");
  await shoot(staff, testInfo, "staff-appointments");
  await context.close();
});

test("a visitor finds the appointment by name and phone digits in Spanish", async ({ page }, testInfo) => {
  bookingNow("ZXCV6789", "José", "Ramírez", "5035550177");
  await page.goto("/kiosk/tigard?lang=es");
  await page.getByRole("link", { name: /Tengo una cita/ }).tap();
  await page.getByLabel("Nombre").fill("José");
  await page.getByLabel("Apellido").fill("Ramírez");
  await page.getByLabel("Últimos 4 dígitos de su teléfono").fill("0177");
  await page.getByRole("button", { name: "Buscar mi cita" }).last().tap();
  await expect(page.getByRole("heading", { name: "Gracias, José. Ya está registrado." })).toBeVisible();
  await expectNoAxeViolations(page, "appointment arrived (es)");
  await shoot(page, testInfo, "kiosk-appointment-4-arrived-es");
});
