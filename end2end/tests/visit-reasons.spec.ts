// Visit reasons are the agency's data: an admin adds one with its name in English and
// Spanish, a hint and the team it goes to; a Spanish-speaking visitor finds it on the kiosk
// at once and chooses it by touch (the HTTP tests follow the visit into the queue).
import { test, expect } from "./fixtures";
import { expectLargeTapTargets, expectNoAxeViolations, shoot, signedInStaffPage, useKioskOf, waitForWizard } from "./helpers";

test("an admin adds a reason that a visitor then chooses on the kiosk in Spanish", async ({ browser, page }, testInfo) => {
  const { context: desk, page: admin } = await signedInStaffPage(browser, "gresham", "admin@frontdesk.test");
  await admin.goto("/staff/reasons");
  await expect(admin.getByRole("heading", { name: "Visit reasons", level: 1 })).toBeVisible();
  await expect(admin.getByTestId("reasons-table")).toContainText("Unemployment Insurance");
  await expectNoAxeViolations(admin, "visit reasons");

  // A Spanish name forgotten: refused beside its field, the English one kept.
  const english = admin.getByRole("group", { name: "In English" });
  const spanish = admin.getByRole("group", { name: "In Español" });
  await english.getByLabel("Name on the kiosk button").fill("Youth employment (16–24)");
  await english.getByLabel("Hint under the name (optional)").fill("Jobs and training for young people");
  await admin.getByLabel("Goes to a team (optional)").fill("Youth Team");
  await admin.getByRole("button", { name: "Add reason" }).click();
  await expect(spanish.locator(".field-error")).toHaveText("Type a name of at most 60 characters, without { or }.");
  await expect(english.getByLabel("Name on the kiosk button")).toHaveValue("Youth employment (16–24)");
  await expectNoAxeViolations(admin, "visit reasons, refused");
  await shoot(admin, testInfo, "staff-reasons-refused");
  await spanish.getByLabel("Name on the kiosk button").fill("Empleo juvenil (16–24)");
  await spanish.getByLabel("Hint under the name (optional)").fill("Empleo y capacitación para jóvenes");
  await admin.getByRole("button", { name: "Add reason" }).click();
  await expect(admin.getByRole("status")).toHaveText("Reason added. The kiosks offer it now.");
  await expect(admin.locator('tr[data-reason="youth_employment_16_24"]')).toContainText("Goes to the Youth Team");
  await shoot(admin, testInfo, "staff-reasons");

  // On the kiosk, in Spanish, by touch.
  await useKioskOf(page.context(), "gresham");
  await page.goto("/kiosk/gresham/check-in?lang=es");
  await waitForWizard(page);
  await page.getByLabel("Nombre").tap();
  await page.getByLabel("Nombre").fill("Rosa");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await page.getByLabel("Apellido").fill("Peña");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  const youth = page.getByRole("button", { name: /Empleo juvenil \(16–24\)/ });
  await expect(youth).toContainText("Empleo y capacitación para jóvenes");
  await youth.tap();
  await expect(youth).toHaveAttribute("aria-pressed", "true");
  await expectNoAxeViolations(page, "reasons with a hint");
  await expectLargeTapTargets(page, "reasons with a hint");
  await shoot(page, testInfo, "kiosk-reasons-new-es");
  await desk.close();
});
