// A walk-in visitor checks in on a kiosk tablet by touch; staff see the ticket live on a
// screen served by another server process, and call it.
import { test, expect } from "./fixtures";
import { expectNoAxeViolations, expectLargeTapTargets, expectNoScrolling, shoot, signedInStaffPage, useKioskOf, waitForWizard } from "./helpers";

test("a visitor checks in by touch in English and staff see the ticket live and call it", async ({ page, browser }, testInfo) => {
  const { context, page: staff } = await signedInStaffPage(browser, "tigard");
  await expectNoAxeViolations(staff, "staff queue");

  await page.goto("/kiosk/tigard");
  await expect(page.getByRole("heading", { name: "Welcome to WorkSource" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectNoAxeViolations(page, "welcome");
  await expectLargeTapTargets(page, "welcome");
  await expectNoScrolling(page, "welcome");
  await shoot(page, testInfo, "kiosk-01-welcome-en");

  await page.getByRole("link", { name: /Check in/ }).tap();
  await waitForWizard(page);

  await expect(page.getByRole("heading", { name: "What is your first name?" })).toBeVisible();
  await expectNoAxeViolations(page, "first name");
  await expectLargeTapTargets(page, "first name");
  await expectNoScrolling(page, "first name");
  await page.getByLabel("First name").tap();
  await page.getByLabel("First name").fill("Amelia");
  await shoot(page, testInfo, "kiosk-02-first-name");
  await page.getByRole("button", { name: "Next" }).tap();

  await expect(page.getByRole("heading", { name: "What is your last name?" })).toBeVisible();
  // Each screen shows only its own answer: the first name is not carried into this field.
  await expect(page.getByLabel("Last name")).toHaveValue("");
  await page.getByLabel("Last name").fill("Zhou");
  await expectNoAxeViolations(page, "last name");
  await shoot(page, testInfo, "kiosk-03-last-name");
  await page.getByRole("button", { name: "Next" }).tap();

  await expect(page.getByRole("heading", { name: "Why did you come today?" })).toBeVisible();
  const resume = page.getByRole("button", { name: "Resume review" });
  await resume.tap();
  await expect(resume).toHaveAttribute("aria-pressed", "true");
  await expectNoAxeViolations(page, "reasons");
  await expectLargeTapTargets(page, "reasons");
  await expectNoScrolling(page, "reasons");
  await shoot(page, testInfo, "kiosk-04-reasons");
  await page.getByRole("button", { name: "Next" }).tap();

  await expect(page.getByRole("heading", { name: "Have you registered with WorkSource already?" })).toBeVisible();
  await expectNoAxeViolations(page, "registered");
  await expectLargeTapTargets(page, "registered");
  await expectNoScrolling(page, "registered");
  await shoot(page, testInfo, "kiosk-05-registered");
  await page.getByRole("button", { name: "Not sure" }).tap();

  await expect(page.getByRole("heading", { name: "Do you need an accommodation or an interpreter?" })).toBeVisible();
  await page.getByRole("button", { name: "Interpreter for a spoken language" }).tap();
  await page.getByLabel("Which language?").fill("Tiếng Việt");
  await expectNoAxeViolations(page, "accommodations");
  await expectLargeTapTargets(page, "accommodations");
  await expectNoScrolling(page, "accommodations");
  await shoot(page, testInfo, "kiosk-06-accommodations");
  await page.getByRole("button", { name: "Next" }).tap();

  await expect(page.getByRole("heading", { name: "Your privacy" })).toBeVisible();
  await expect(page.getByText("Your name is deleted after 30 days.")).toBeVisible();
  await expectNoAxeViolations(page, "privacy");
  await expectLargeTapTargets(page, "privacy");
  await expectNoScrolling(page, "privacy");
  await shoot(page, testInfo, "kiosk-07-privacy");
  const tappedAt = Date.now();
  await page.getByRole("button", { name: "I agree. Give me my ticket." }).tap();

  await expect(page.getByRole("heading", { name: "You are checked in" })).toBeVisible();
  const ticket = (await page.getByTestId("ticket-number").textContent()) ?? "";
  expect(ticket).toMatch(/^A-\d{3}$/);
  await expect(page.getByTestId("ticket-place")).toContainText(/next in line|number \d+ in line/);
  await expectNoAxeViolations(page, "ticket");
  await expectLargeTapTargets(page, "ticket");
  await expectNoScrolling(page, "ticket");
  await shoot(page, testInfo, "kiosk-08-ticket");

  // The staff screen, open before the check-in and served by the other process, shows the
  // ticket without a reload.
  const row = staff.locator(`tr[data-ticket="${ticket}"]`);
  await expect(row).toBeVisible({ timeout: 3_000 });
  console.log(`check-in tap to row on the other process's staff screen: ${Date.now() - tappedAt} ms`);
  await expect(row).toContainText("Amelia Z.");
  await expect(row).not.toContainText("Zhou");
  await expect(row).toContainText("Resume review");
  await expect(row).toContainText("Tiếng Việt");
  await shoot(staff, testInfo, "staff-queue-with-ticket");
  await staff.getByRole("button", { name: `Call ${ticket}` }).click();
  await expect(staff.locator(`tr[data-ticket="${ticket}"]`)).toHaveAttribute("data-status", "called");
  await expect(staff.locator(`tr[data-ticket="${ticket}"]`)).toContainText("with Demo Staff");
  await expectNoAxeViolations(staff, "staff queue after calling");

  await page.getByRole("link", { name: "Done" }).tap();
  await expect(page.getByRole("heading", { name: "Welcome to WorkSource" })).toBeVisible();
  await context.close();
});

test("a visitor checks in by touch in Spanish", async ({ page, browser }, testInfo) => {
  const { context, page: staff } = await signedInStaffPage(browser, "gresham");
  await useKioskOf(page.context(), "gresham");
  await page.goto("/kiosk/gresham");
  await page.getByRole("link", { name: "Español" }).tap();
  await expect(page.getByRole("heading", { name: "Bienvenido a WorkSource" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expectNoAxeViolations(page, "welcome (es)");
  await shoot(page, testInfo, "kiosk-01-welcome-es");

  await page.getByRole("link", { name: /Registrar mi llegada/ }).tap();
  await waitForWizard(page);
  await page.getByLabel("Nombre").fill("José");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await page.getByLabel("Apellido").fill("Núñez");
  await shoot(page, testInfo, "kiosk-03-last-name-es");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await page.getByRole("button", { name: "Capacitación y becas" }).tap();
  await page.getByRole("button", { name: "Talleres" }).tap();
  await expectNoAxeViolations(page, "reasons (es)");
  await expectNoScrolling(page, "reasons (es)");
  await shoot(page, testInfo, "kiosk-04-reasons-es");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await page.getByRole("button", { name: "Sí" }).tap();
  await expect(page.getByRole("heading", { name: "¿Necesita una adaptación o un intérprete?" })).toBeVisible();
  await page.getByRole("button", { name: "Letra grande" }).tap();
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await expect(page.getByRole("heading", { name: "Su privacidad" })).toBeVisible();
  await shoot(page, testInfo, "kiosk-07-privacy-es");
  await page.getByRole("button", { name: "Acepto. Deme mi turno." }).tap();

  await expect(page.getByRole("heading", { name: "Ya está registrado" })).toBeVisible();
  const ticket = (await page.getByTestId("ticket-number").textContent()) ?? "";
  expect(ticket).toMatch(/^A-\d{3}$/);
  await expectNoAxeViolations(page, "ticket (es)");
  await shoot(page, testInfo, "kiosk-08-ticket-es");

  const row = staff.locator(`tr[data-ticket="${ticket}"]`);
  await expect(row).toBeVisible({ timeout: 3_000 });
  await expect(row).toContainText("José N.");
  await expect(row).toContainText("Large print");
  await context.close();
});
