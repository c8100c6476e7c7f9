// The kiosk's check-in on a tablet where JavaScript never runs (a broken or blocked WASM
// download is the same to the visitor): every screen is a form the server answers with
// the next one, in Spanish, by touch, to a ticket staff see on the other server process.
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { execFileSync } from "child_process";
import { expectLargeTapTargets, expectNoAxeViolations, expectNoScrolling, shoot, signedInStaffPage } from "./helpers";

const database = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/frontdesk_e2e";

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  // axe-core runs as page script, so it cannot run here: the next test checks the same
  // server-rendered screens with scripting on and the WASM blocked.
  test("a full check-in in Spanish without JavaScript gets a ticket", async ({ page, browser }, testInfo) => {
    await page.goto("/kiosk/tigard?lang=es");
    await page.getByRole("link", { name: /Registrar mi llegada/ }).tap();

    await expect(page.getByRole("heading", { name: "¿Cuál es su nombre?" })).toBeVisible();
    // An empty answer comes back beside its field, in Spanish.
    await page.getByRole("button", { name: "Siguiente" }).tap();
    const firstName = page.getByLabel("Nombre", { exact: true });
    await expect(firstName).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#first_name-error")).toBeVisible();
    await firstName.fill("Rocío");
    // Enter in the field is Next, as on any form.
    await firstName.press("Enter");

    await expect(page.getByRole("heading", { name: "¿Cuál es su apellido?" })).toBeVisible();
    await expect(page.getByLabel("Apellido")).toHaveValue("");
    // Back is a form post too, and keeps what was typed.
    await page.getByLabel("Apellido").fill("Ñ");
    await page.getByRole("button", { name: /Atrás/ }).tap();
    await expect(firstName).toHaveValue("Rocío");
    await page.getByRole("button", { name: "Siguiente" }).tap();
    await expect(page.getByLabel("Apellido")).toHaveValue("Ñ");
    await expectLargeTapTargets(page, "last name, no script");
    await shoot(page, testInfo, "kiosk-no-script-last-name-es");
    await page.getByRole("button", { name: "Siguiente" }).tap();

    await expect(page.getByRole("heading", { name: "¿Por qué vino hoy?" })).toBeVisible();
    const reason = page.getByRole("button", { name: "Revisión de currículum" });
    await reason.tap();
    await expect(reason).toHaveAttribute("aria-pressed", "true");
    await expectNoScrolling(page, "reasons, no script");
    await shoot(page, testInfo, "kiosk-no-script-reasons-es");
    await page.getByRole("button", { name: "Siguiente" }).tap();

    await expect(page.getByRole("heading", { name: /Ya se inscribió/ })).toBeVisible();
    await page.getByRole("button", { name: "No estoy seguro" }).tap();

    await expect(page.getByRole("heading", { name: "¿Necesita una adaptación o un intérprete?" })).toBeVisible();
    await page.getByRole("button", { name: "Intérprete de un idioma hablado" }).tap();
    const language = page.getByLabel("¿Qué idioma?");
    await language.fill("Mam");
    // Enter in the detail box moves on, and does not turn the first choice on.
    await language.press("Enter");

    await expect(page.getByRole("heading", { name: "Su privacidad" })).toBeVisible();
    await shoot(page, testInfo, "kiosk-no-script-privacy-es");
    await page.getByRole("button", { name: "Acepto. Deme mi turno." }).tap();

    const number = page.getByTestId("ticket-number");
    await expect(number).toHaveText(/^A-\d{3}$/);
    await expect(page.getByTestId("follow-qr").locator("svg")).toBeVisible();
    await expectNoScrolling(page, "ticket, no script");
    await shoot(page, testInfo, "kiosk-no-script-ticket-es");
    const ticket = (await number.textContent()) ?? "";

    // Staff see the visitor as on any check-in, with the last initial typed on step 2.
    const { context, page: staff } = await signedInStaffPage(browser, "tigard");
    const row = staff.locator(`tr[data-ticket="${ticket}"]`);
    await expect(row).toContainText("Rocío Ñ.");
    await expect(row).toContainText("Mam");
    await context.close();

    // The ticket screen starts over by itself: the page says when and where.
    await expect(page.locator('meta[http-equiv="refresh"]')).toHaveAttribute("content", /^\d+; url=\/kiosk\/tigard$/);
  });

  test("the next visitor's Back and resubmit bring back nothing of the last", async ({ page }) => {
    await page.goto("/kiosk/tigard/check-in?lang=es");
    await page.getByLabel("Nombre", { exact: true }).fill("Secreto");
    await page.getByRole("button", { name: "Siguiente" }).tap();
    await expect(page.getByRole("heading", { name: "¿Cuál es su apellido?" })).toBeVisible();
    const fields = await lastNameForm(page);
    expect(fields["first_name"]).toBe("Secreto");
    // The visitor gives up; the next one finds the welcome screen.
    await page.getByRole("link", { name: "Empezar de nuevo" }).tap();
    await page.waitForURL(/\/kiosk\/tigard\?lang=es$/);

    // Back: the browser kept no copy of a screen a post answered (no-store), so it shows
    // nothing of it, and asks to send the post again.
    await page.goBack().catch((e) => expect(String(e)).toContain("ERR_CACHE_MISS"));
    expect(await page.content()).not.toContain("Secreto");
    // Sent again (from this tablet, with its cookie): the welcome screen, nothing else.
    const again = await page.request.post("/kiosk/tigard/check-in", { form: { ...fields, last_name: "Otro", go: "next" } });
    expect(new URL(again.url()).pathname).toBe("/kiosk/tigard");
    const answer = await again.text();
    expect(answer).toContain("Welcome to WorkSource");
    expect(answer).not.toContain("Secreto");
  });

  test("a visitor who walks away from the resubmission page leaves nothing to resend", async ({ page }) => {
    await page.goto("/kiosk/tigard/check-in?lang=es");
    await page.getByLabel("Nombre", { exact: true }).fill("Oculta");
    await page.getByRole("button", { name: "Siguiente" }).tap();
    const fields = await lastNameForm(page);
    await page.getByLabel("Apellido").fill("Reservada");
    await page.getByRole("button", { name: "Siguiente" }).tap();
    await expect(page.getByRole("heading", { name: "¿Por qué vino hoy?" })).toBeVisible();
    // Back, and she leaves: the tablet stands on Chromium's own page, which has no reset
    // of ours, and nobody starts over. Minutes pass (for the server, in its database).
    await page.goBack().catch((e) => expect(String(e)).toContain("ERR_CACHE_MISS"));
    execFileSync("psql", [database, "-qAtX", "-c",
      "update kiosk_devices set visitor_seen_at = visitor_seen_at - interval '10 minutes' where center_id = 'tigard'"]);
    // The next visitor sends it again: the welcome screen, nothing of hers.
    const again = await page.request.post("/kiosk/tigard/check-in", { form: { ...fields, last_name: "Reservada", go: "next" } });
    expect(new URL(again.url()).pathname).toBe("/kiosk/tigard");
    const answer = await again.text();
    expect(answer).toContain("Welcome to WorkSource");
    expect(answer).not.toContain("Oculta");
  });
});

/** What the browser would send again from the last-name screen: its form, as the page
 *  holds it. */
async function lastNameForm(page: Page): Promise<Record<string, string>> {
  await expect(page.getByRole("heading", { name: "¿Cuál es su apellido?" })).toBeVisible();
  const screen = await page.content();
  const form = screen.slice(screen.indexOf('data-step="last-name"'));
  const fields: Record<string, string> = {};
  for (const input of form.slice(0, form.indexOf("</form>")).matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
    if (name) fields[name] = value.replace(/&amp;/g, "&");
  }
  return fields;
}

test("the screens the server answers with pass axe (the WASM never arrives)", async ({ page }) => {
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto("/kiosk/tigard/check-in?lang=es");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await expect(page.locator("#first_name-error")).toBeVisible();
  await expect(page.getByLabel("Nombre", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "first name refused by the server");
  await page.getByLabel("Nombre", { exact: true }).fill("Axe");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await page.getByLabel("Apellido").fill("B");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await page.getByRole("button", { name: "Capacitación y becas" }).tap();
  await expect(page.getByRole("button", { name: "Capacitación y becas" })).toHaveAttribute("aria-pressed", "true");
  await expectNoAxeViolations(page, "reasons from the server");
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await page.getByRole("button", { name: "Sí" }).tap();
  await page.getByRole("button", { name: "Siguiente" }).tap();
  await page.getByRole("button", { name: "Acepto. Deme mi turno." }).tap();
  await expect(page.getByTestId("ticket-number")).toHaveText(/^A-\d{3}$/);
  await expect(page.getByTestId("ticket-team")).toContainText("SkillsTeam");
  await expectNoAxeViolations(page, "ticket from the server");
  await expectNoScrolling(page, "ticket from the server");
});
