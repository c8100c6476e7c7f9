// A visitor can ask for larger text and high contrast on the welcome screen; the choice
// follows them through the check-in and still passes every accessibility check.
import { test, expect } from "./fixtures";
import { expectNoAxeViolations, expectLargeTapTargets, shoot, useKioskOf, waitForWizard } from "./helpers";

test("larger text and high contrast follow the visitor through the check-in", async ({ page }, testInfo) => {
  await useKioskOf(page.context(), "north-northeast-portland");
  await page.goto("/kiosk/north-northeast-portland?lang=es");
  await page.getByRole("link", { name: "Más grande" }).tap();
  await page.getByRole("link", { name: "Alto" }).tap();
  const kiosk = page.locator(".kiosk");
  await expect(kiosk).toHaveClass(/text-large/);
  await expect(kiosk).toHaveClass(/contrast-high/);
  await expect(page.getByRole("link", { name: "Más grande" })).toHaveAttribute("aria-current", "true");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  expect(await kiosk.evaluate((el) => getComputedStyle(el).fontSize)).toBe("32px");
  expect(await kiosk.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(0, 0, 0)");
  await expectNoAxeViolations(page, "welcome, larger text and high contrast");
  await expectLargeTapTargets(page, "welcome, larger text and high contrast");
  await shoot(page, testInfo, "kiosk-01-welcome-large-contrast-es");

  await page.getByRole("link", { name: /Registrar mi llegada/ }).tap();
  await waitForWizard(page);
  await expect(kiosk).toHaveClass(/text-large/);
  await expect(kiosk).toHaveClass(/contrast-high/);
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectNoAxeViolations(page, "first name error, larger text and high contrast");
  await shoot(page, testInfo, "kiosk-02-first-name-error-large-contrast-es");
  await page.getByLabel("Nombre").fill("Ana");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await page.getByLabel("Apellido").fill("R");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await page.getByRole("button", { name: "Seguro de desempleo" }).tap();
  await expectNoAxeViolations(page, "reasons, larger text and high contrast");
  await expectLargeTapTargets(page, "reasons, larger text and high contrast");
  await shoot(page, testInfo, "kiosk-04-reasons-large-contrast-es");

  // Start over keeps the visitor's display choices; only the idle reset clears them.
  await page.getByRole("link", { name: "Empezar de nuevo" }).tap();
  await expect(page).toHaveURL(/lang=es&text=large&contrast=high/);
  await expect(kiosk).toHaveClass(/contrast-high/);
});
