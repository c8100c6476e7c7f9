// After a minute without a touch the kiosk asks whether more time is needed; when the
// countdown ends it returns to Welcome in the default language with nothing typed left in
// the page, the history or the browser's storage.
import { test, expect } from "./fixtures";
import { execFileSync } from "child_process";
import { expectNoAxeViolations, expectLargeTapTargets, shoot, waitForWizard } from "./helpers";

const database = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/frontdesk_e2e";

test("an idle kiosk asks, counts down, then wipes everything and starts over", async ({ page }, testInfo) => {
  await page.clock.install();
  await page.goto("/kiosk/tigard?lang=es");
  await page.getByRole("link", { name: /Registrar mi llegada/ }).tap();
  await waitForWizard(page);
  await expect(page.locator('.idle-guard[data-ready="true"]')).toBeAttached();
  await page.getByLabel("Nombre").fill("Secreto");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await page.getByLabel("Apellido").fill("Privado");
  // Anything a page might have left behind must go too.
  await page.evaluate(() => {
    sessionStorage.setItem("draft", "Secreto");
    localStorage.setItem("draft", "Privado");
    history.replaceState({ draft: "Secreto" }, "");
  });

  await page.clock.fastForward(61_000);
  const dialog = page.getByRole("dialog", { name: "¿Necesita más tiempo?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/Tiempo que queda antes de que la pantalla vuelva al inicio: \d+/);
  await expectNoAxeViolations(page, "idle prompt (es)");
  await expectLargeTapTargets(page, "idle prompt (es)");
  await shoot(page, testInfo, "kiosk-09-idle-prompt-es");

  // More time: the prompt goes away and the answers stay. Any touch means "still here";
  // forced, because Playwright's hit check sometimes lands on the page under the modal
  // prompt (seen about one run in four on this machine), and the touch it sends for that
  // check already closes the prompt before the retry.
  await dialog.getByRole("button", { name: "Sí, necesito más tiempo" }).tap({ force: true });
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("Apellido")).toHaveValue("Privado");

  // No answer this time: after the countdown the kiosk starts over.
  await page.clock.fastForward(61_000);
  await expect(dialog).toBeVisible();
  await page.clock.fastForward(31_000);
  await page.waitForURL(/\/kiosk\/tigard$/);
  await expect(page.getByRole("heading", { name: "Welcome to WorkSource" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const leftovers = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    session: sessionStorage.length,
    local: localStorage.length,
    state: history.state,
  }));
  expect(leftovers.html).not.toContain("Secreto");
  expect(leftovers.html).not.toContain("Privado");
  expect(leftovers.session).toBe(0);
  expect(leftovers.local).toBe(0);
  expect(leftovers.state).toBeNull();

  // Going back through the history brings nothing back either (pages are no-store).
  for (let i = 0; i < 2; i++) {
    await page.goBack();
    const html = await page.content();
    expect(html).not.toContain("Secreto");
    expect(html).not.toContain("Privado");
  }
});

test("without its WASM a screen left alone starts over as well", async ({ page }) => {
  // The tablet runs script, but the WASM never comes: the screens are server forms.
  await page.route("**/*.wasm", (route) => route.abort());
  await page.clock.install();
  await page.goto("/kiosk/tigard/check-in?lang=es");
  await page.getByLabel("Nombre", { exact: true }).fill("Secreto");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await expect(page.getByRole("heading", { name: "¿Cuál es su apellido?" })).toBeVisible();
  await page.getByLabel("Apellido").fill("Privado");

  // The time counts from the last touch, not from when the screen arrived.
  await page.clock.fastForward(60_000);
  await page.getByLabel("Apellido").fill("Privado Dos");
  await page.clock.fastForward(60_000);
  await expect(page.getByLabel("Apellido")).toHaveValue("Privado Dos");
  await page.clock.fastForward(31_000);
  await page.waitForURL(/\/kiosk\/tigard$/);
  await expect(page.getByRole("heading", { name: "Welcome to WorkSource" })).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain("Secreto");
  expect(html).not.toContain("Privado");
});

test("a visitor taking their time keeps their turn; the tablet left quiet does not", async ({ page }) => {
  // The server counts real time since the tablet last asked anything; here minutes pass
  // for it in the database (added up: only a request of the tablet ends the quiet) while
  // the page's own clock moves on.
  const quietFor = (seconds: number) =>
    execFileSync("psql", [database, "-qAtX", "-c",
      `update kiosk_devices set visitor_seen_at = visitor_seen_at - interval '${seconds} seconds' where center_id = 'tigard'`]);
  const inUse = () => page.waitForResponse((r) => r.url().endsWith("/kiosk/tigard/in-use"));
  await page.clock.install();
  await page.goto("/kiosk/tigard/check-in?lang=en");
  await waitForWizard(page);
  // Each screen takes its visitor three minutes, nine in all: touching a screen says the
  // tablet is in use.
  for (const [label, text] of [["First name", "Slow"], ["Last name", "Typist"]]) {
    quietFor(180);
    await page.clock.fastForward(25_000);
    const told = inUse();
    await page.getByLabel(label, { exact: true }).fill(text);
    expect((await told).status()).toBe(204);
    await page.getByRole("button", { name: "Next" }).tap();
  }
  await page.getByRole("button", { name: "Resume review" }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "Yes" }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  quietFor(180);
  await page.getByRole("button", { name: "I agree. Give me my ticket." }).tap();
  await expect(page.locator(".ticket-number")).toHaveText(/^A-\d{3}$/);

  // The next visitor's screen, left untouched long past any screen's reset (as Chromium's
  // "Confirm Form Resubmission" page would stand): its check-in makes no ticket and the
  // tablet goes back to the welcome screen.
  await page.getByRole("link", { name: "Done" }).tap();
  await page.getByRole("link", { name: /Check in/ }).tap();
  await waitForWizard(page);
  await page.getByLabel("First name", { exact: true }).fill("Late");
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByLabel("Last name", { exact: true }).fill("Comer");
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "Resume review" }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "Yes" }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  quietFor(3600);
  await page.getByRole("button", { name: "I agree. Give me my ticket." }).tap();
  await page.waitForURL(/\/kiosk\/tigard$/);
  await expect(page.getByRole("heading", { name: "Welcome to WorkSource" })).toBeVisible();
  expect(await page.content()).not.toContain("Comer");
});
