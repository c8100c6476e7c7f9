// On the kiosk tablet, by touch and in Spanish: this center's workshops of the coming
// days in large print, and enrolment with a name and a phone number.
import { test, expect } from "./fixtures";
import { expectLargeTapTargets, expectNoAxeViolations, expectNoScrolling, shoot } from "./helpers";

test("a visitor enrols in a workshop at the kiosk in Spanish", async ({ page }, testInfo) => {
  await page.goto("/kiosk/tigard?lang=es");
  await page.getByRole("link", { name: /Talleres/ }).tap();
  await expect(page.getByRole("heading", { name: "Talleres y eventos de contratación" })).toBeVisible();
  await expect(page.locator(".kiosk-session").first()).toContainText("Orientación sobre los servicios de WorkSource");
  await expectNoAxeViolations(page, "kiosk workshops");
  await expectLargeTapTargets(page, "kiosk workshops");
  await shoot(page, testInfo, "kiosk-workshops-1-list-es");

  await page.locator(".kiosk-session").first().tap();
  await page.getByRole("button", { name: "Inscribirme" }).tap();
  await expect(page.locator("#first_name-error")).toHaveText("Por favor, complete este dato.");
  await expect(page.locator("#contact-error")).toBeVisible();
  await expectNoAxeViolations(page, "kiosk enrol refused");
  await expectLargeTapTargets(page, "kiosk enrol refused");
  await expectNoScrolling(page, "kiosk enrol refused");
  await shoot(page, testInfo, "kiosk-workshops-2-refused-es");

  await page.getByLabel("Nombre").fill("Rosa");
  await page.getByLabel("Apellido").fill("M");
  await page.getByLabel("Correo electrónico o teléfono").fill("503 555 0111");
  await page.getByRole("button", { name: "Inscribirme" }).tap();
  await expect(page.getByTestId("enrolment-status")).toHaveText("Está inscrito");
  await expectNoAxeViolations(page, "kiosk enrolled");
  await shoot(page, testInfo, "kiosk-workshops-3-enrolled-es");
});
