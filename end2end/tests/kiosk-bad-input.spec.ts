// Bad input gets a clear message beside the field in the visitor's language and nothing
// typed is lost; a failed request keeps the answers; a double tap makes one ticket.
import { test, expect } from "./fixtures";
import { expectNoAxeViolations, expectLargeTapTargets, shoot, signedInStaffPage, useKioskOf, waitForWizard } from "./helpers";

test("refused answers are explained beside the field in Spanish and what was typed stays", async ({ page }, testInfo) => {
  await page.goto("/kiosk/tigard/check-in?lang=es");
  await waitForWizard(page);
  const name = page.getByLabel("Nombre");

  await page.getByRole("button", { name: "Siguiente" }).tap();
  await expect(page.getByRole("alert")).toHaveText("Por favor, complete este dato.");
  // Tapped again: still one message, named once by the field.
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await expect(page.getByRole("alert")).toHaveCount(1);
  await expect(name).toHaveAttribute("aria-describedby", "first_name-error");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "empty name error (es)");
  await shoot(page, testInfo, "kiosk-02-first-name-error-es");

  const long = "Maximiliana".repeat(5);
  await name.fill(long);
  await expect(page.getByRole("alert")).toHaveCount(0); // editing clears the old message
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await expect(page.getByRole("alert")).toHaveText("Por favor, use 50 caracteres o menos.");
  await expect(name).toHaveValue(long);

  await name.fill("محمد");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await page.getByLabel("Apellido").fill("العلي");
  await page.getByRole("button", { name: "Siguiente" }).tap();

  // Back keeps the answer.
  await page.getByRole("button", { name: "Atrás" }).tap();
  await expect(page.getByLabel("Apellido")).toHaveValue("العلي");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await expect(page.getByRole("heading", { name: "¿Por qué vino hoy?" })).toBeVisible();
});

test("unemployment insurance is explained kindly and the visitor can still check in", async ({ page }, testInfo) => {
  await useKioskOf(page.context(), "southeast-portland");
  await page.goto("/kiosk/southeast-portland/check-in");
  await waitForWizard(page);
  await page.getByLabel("First name").fill("Lan");
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByLabel("Last name").fill("Nguyễn");
  await page.getByRole("button", { name: "Next" }).tap();

  await page.getByRole("button", { name: "Unemployment Insurance" }).tap();
  // The notice is the reason's own, as admins set it.
  const notice = page.getByRole("region", { name: "We cannot help with this here" });
  await expect(notice).toContainText("handled by the Oregon Employment Department");
  // Shown with non-breaking hyphens, so a number never wraps across two lines.
  await expect(notice).toContainText("(503) 292\u20112057");
  await expect(notice).toContainText("(877) 345\u20113484");
  await page.getByRole("button", { name: "Next" }).tap();
  await expect(page.getByRole("alert")).toContainText("Please also choose a reason WorkSource can help with");
  await expectNoAxeViolations(page, "unemployment insurance notice");
  await expectLargeTapTargets(page, "unemployment insurance notice");
  await shoot(page, testInfo, "kiosk-04-reasons-unemployment");
  await page.getByRole("button", { name: "Something else" }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  await expect(page.getByRole("heading", { name: "Have you registered with WorkSource already?" })).toBeVisible();
});

test("a failed request keeps every answer, and a double tap on the last step makes one ticket", async ({ page, browser }, testInfo) => {
  const { context, page: staff } = await signedInStaffPage(browser, "beaverton-hillsboro");
  const sameName = staff.locator("tbody tr", { hasText: "王 小." });
  const before = await sameName.count();
  await useKioskOf(page.context(), "beaverton-hillsboro");
  await page.goto("/kiosk/beaverton-hillsboro/check-in");
  await waitForWizard(page);
  await page.getByLabel("First name").fill("王");
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByLabel("Last name").fill("小明");
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "Job coaching" }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "No", exact: true }).tap();
  await page.getByRole("button", { name: "Something else" }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  await expect(page.getByRole("alert")).toHaveText("Please fill this in.");
  await page.getByLabel("What do you need?").fill("A chair with arms");
  await page.getByRole("button", { name: "Next" }).tap();

  // The server cannot be reached: the visitor is told, and nothing is lost.
  await page.route("**/api/kiosk/check-in", (route) => route.abort("connectionrefused"));
  const agree = page.getByRole("button", { name: "I agree. Give me my ticket." });
  await agree.tap();
  await expect(page.getByRole("alert")).toContainText("Your answers are still here. Please try again.");
  await expectNoAxeViolations(page, "request failed");
  await shoot(page, testInfo, "kiosk-07-privacy-request-failed");
  await page.getByRole("button", { name: /Back/ }).tap();
  await expect(page.getByLabel("What do you need?")).toHaveValue("A chair with arms");
  await page.getByRole("button", { name: "Next" }).tap();

  // The server is back; the visitor taps twice in a hurry.
  await page.unroute("**/api/kiosk/check-in");
  const box = await agree.boundingBox();
  if (!box) throw new Error("the agree button has no box");
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.touchscreen.tap(x, y);
  await page.touchscreen.tap(x, y);
  await expect(page.getByRole("heading", { name: "You are checked in" })).toBeVisible();
  const ticket = (await page.getByTestId("ticket-number").textContent()) ?? "";

  await expect(staff.locator(`tr[data-ticket="${ticket}"]`)).toBeVisible({ timeout: 3_000 });
  await expect(sameName).toHaveCount(before + 1);
  await expect(staff.locator(`tr[data-ticket="${ticket}"]`)).toContainText("A chair with arms");
  await context.close();
});

test("a visitor who taps before the kiosk has finished loading goes on, and nothing typed is lost", async ({ page }) => {
  // Hold the WASM back, as a slow network to a cheap tablet would.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/kiosk/tigard/check-in");
  await page.getByLabel("First name").fill("Early");
  // Without the browser code, Next is a form post the server answers with the next screen.
  await page.getByRole("button", { name: "Next" }).tap();
  await expect(page.getByRole("heading", { name: "What is your last name?" })).toBeVisible();
  await expect(page.getByLabel("Last name")).toHaveValue("");
  await page.getByLabel("Last name").fill("L");

  // The browser code takes over where the server left off, with what was typed.
  release();
  await waitForWizard(page);
  await expect(page.getByLabel("Last name")).toHaveValue("L");
  await page.getByRole("button", { name: "Next" }).tap();
  await expect(page.getByRole("heading", { name: "Why did you come today?" })).toBeVisible();
  await page.getByRole("button", { name: /Back/ }).tap();
  await expect(page.getByLabel("Last name")).toHaveValue("L");
  await page.getByRole("button", { name: /Back/ }).tap();
  await expect(page.getByLabel("First name")).toHaveValue("Early");
});

// The server has the last word on every answer (a reason withdrawn by a manager while the
// visitor was typing, a rule the tablet's copy lacks). Its answers, in the shapes the
// server function writes, as the browser code reads them without serde_json.
test("answers the server refuses are shown beside their field, and a check-in begun by an earlier visitor starts over", async ({ page }) => {
  await page.goto("/kiosk/tigard/check-in");
  await waitForWizard(page);
  await page.getByLabel("First name").fill("Ana");
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByLabel("Last name").fill("Lima");
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "Job coaching" }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "No", exact: true }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  const agree = page.getByRole("button", { name: "I agree. Give me my ticket." });
  // Back to the privacy notice from a name screen (`nexts`: screens before the one-tap
  // registration question).
  const backToPrivacy = async (nexts: number) => {
    for (let i = 0; i < nexts; i++) await page.getByRole("button", { name: "Next" }).tap();
    await page.getByRole("button", { name: "No", exact: true }).tap();
    await page.getByRole("button", { name: "Next" }).tap();
    await expect(agree).toBeVisible();
  };

  const answer = (body: unknown) => (route: import("@playwright/test").Route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(body) });
  await page.route("**/api/kiosk/check-in", answer({ Invalid: [{ field: "LastName", problem: { Text: "InvisibleCharacters" } }] }));
  await agree.tap();
  await expect(page.getByRole("heading", { name: "What is your last name?" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveText("This has an invisible character in it (for example from copying). Please type it again.");
  await expect(page.getByLabel("Last name")).toHaveValue("Lima");
  await expect(page.getByLabel("Last name")).toHaveAttribute("aria-invalid", "true");

  await page.unroute("**/api/kiosk/check-in");
  await page.route("**/api/kiosk/check-in", answer({ Invalid: [{ field: "FirstName", problem: { Text: { TooLong: { max: 50 } } } }] }));
  await backToPrivacy(2);
  await agree.tap();
  await expect(page.getByRole("heading", { name: "What is your first name?" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveText("Please use 50 characters or fewer.");
  await expect(page.getByLabel("First name")).toHaveValue("Ana");

  // An answer the kiosk cannot read is a failed request: the answers stay.
  await page.unroute("**/api/kiosk/check-in");
  await page.route("**/api/kiosk/check-in", answer({ Invalid: 5 }));
  await backToPrivacy(3);
  await agree.tap();
  await expect(page.getByRole("alert")).toContainText("Your answers are still here. Please try again.");

  await page.unroute("**/api/kiosk/check-in");
  await page.route("**/api/kiosk/check-in", answer("StartOver"));
  await agree.tap();
  await expect(page).toHaveURL(/\/kiosk\/tigard$/);
});
