// "Tell us how we did" at the kiosk, for a visitor without a phone: a face and a few words,
// anonymous, by touch, in the visitor's language; a refusal keeps what was typed.
import { test, expect } from "./fixtures";
import { expectLargeTapTargets, expectNoAxeViolations, expectNoScrolling, shoot } from "./helpers";

test("a visitor says how we did at the kiosk, by touch, in Spanish", async ({ page }, testInfo) => {
  await page.goto("/kiosk/tigard?lang=es");
  await page.getByRole("link", { name: "Díganos cómo le atendimos" }).tap();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Díganos cómo le atendimos");
  const faces = page.getByRole("group", { name: "¿Cómo fue su visita?" });
  await expect(faces.getByRole("radio")).toHaveCount(5);
  await expectLargeTapTargets(page, "kiosk feedback");
  await expectNoAxeViolations(page, "kiosk feedback (es)");
  await shoot(page, testInfo, "kiosk-feedback-01-es");

  // Words without a face: the message is beside the faces and the words stay.
  const comment = page.getByLabel(/¿Hay algo que quiera decirnos\?/);
  await comment.fill("La espera fue larga");
  await page.getByRole("button", { name: "Enviar" }).tap();
  const refused = page.locator("#feedback-rating-error");
  await expect(refused).toBeVisible();
  await expect(comment).toHaveValue("La espera fue larga");
  await expectNoAxeViolations(page, "kiosk feedback refused (es)");

  await page.locator('.face-choice[data-rating="3"]').tap();
  await expect(page.getByRole("radio").nth(2)).toBeChecked();
  await page.getByRole("button", { name: "Enviar" }).tap();
  await expect(page.getByTestId("feedback-thanks")).toBeVisible();
  await expectNoAxeViolations(page, "kiosk feedback thanks (es)");
  await page.getByRole("link", { name: /Volver al inicio/ }).tap();
  await expect(page).toHaveURL(/\/kiosk\/tigard\?lang=es$/);
});

for (const [lang, size] of [["ar", { width: 1280, height: 800 }], ["ru", { width: 800, height: 1280 }], ["so", { width: 1280, height: 800 }]] as const) {
  test(`the kiosk feedback screen fits and reads in ${lang}`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    await page.goto(`/kiosk/tigard/feedback?lang=${lang}`);
    await expect(page.getByRole("radio")).toHaveCount(5);
    await expectNoScrolling(page, `kiosk feedback (${lang})`);
    await expectNoAxeViolations(page, `kiosk feedback (${lang})`);
    await shoot(page, testInfo, `kiosk-feedback-02-${lang}`);
  });
}
