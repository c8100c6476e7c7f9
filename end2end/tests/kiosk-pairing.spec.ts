// A kiosk tablet is a paired device: a new tablet shows "not set up"; a manager makes a
// pairing code; the tablet, by touch, becomes Gresham's kiosk and checks a visitor in; the
// manager revokes it and its next tap finds it "not set up" again.
import { test, expect } from "./fixtures";
import { KIOSK_SERVER, expectLargeTapTargets, expectNoAxeViolations, shoot, signedInStaffPage, waitForWizard } from "./helpers";

test("a manager pairs a new tablet, it checks a visitor in, and once revoked it is not set up", async ({ browser }, testInfo) => {
  // A new tablet: none of the paired tablets' cookies.
  const tablet = await browser.newContext({
    baseURL: KIOSK_SERVER, viewport: { width: 1280, height: 800 }, hasTouch: true, storageState: { cookies: [], origins: [] },
  });
  const kiosk = await tablet.newPage();
  const refused = await kiosk.goto("/kiosk/gresham");
  expect(refused?.status()).toBe(403);
  await expect(kiosk.getByRole("heading", { name: "This tablet is not set up as a kiosk" })).toBeVisible();
  await expectNoAxeViolations(kiosk, "not set up");
  await expectLargeTapTargets(kiosk, "not set up");
  await shoot(kiosk, testInfo, "kiosk-not-set-up");
  await kiosk.goto("/kiosk/gresham?lang=es");
  await expect(kiosk.getByRole("heading", { name: "Esta tableta no está configurada como quiosco" })).toBeVisible();
  await expectNoAxeViolations(kiosk, "not set up (es)");
  await shoot(kiosk, testInfo, "kiosk-not-set-up-es");
  await kiosk.goto("/kiosk/pair");

  const { context: desk, page: manager } = await signedInStaffPage(browser, "gresham", "manager@frontdesk.test");
  const name = `Lobby tablet ${Date.now()}`;
  await manager.goto("/staff/kiosks");
  await manager.getByLabel("Center").selectOption("gresham");
  await manager.getByLabel("Tablet name").fill(name);
  await manager.getByRole("button", { name: "Make a pairing code" }).click();
  const code = (await manager.getByTestId("pairing-code").textContent()) ?? "";
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expectNoAxeViolations(manager, "kiosk tablets with a new code");
  await shoot(manager, testInfo, "staff-kiosks-code");

  // Typed the way people type it: small letters, a space instead of the dash.
  await kiosk.getByLabel("Pairing code").tap();
  await kiosk.getByLabel("Pairing code").fill(code.toLowerCase().replace("-", " "));
  await kiosk.getByRole("button", { name: "Set up this tablet" }).tap();
  await expect(kiosk).toHaveURL(/\/kiosk\/gresham/);
  await expect(kiosk.getByRole("heading", { name: "Welcome to WorkSource" })).toBeVisible();

  // Gresham's tablet at Tigard's address is told whose kiosk it is.
  await kiosk.goto("/kiosk/tigard");
  await expect(kiosk.getByTestId("own-center")).toHaveText("This tablet is the kiosk of Gresham.");
  await expectNoAxeViolations(kiosk, "another center's kiosk");
  await shoot(kiosk, testInfo, "kiosk-other-center");
  await kiosk.getByRole("link", { name: "Go to this tablet's kiosk" }).tap();
  await expect(kiosk.getByRole("heading", { name: "Welcome to WorkSource" })).toBeVisible();

  await kiosk.getByRole("link", { name: /Check in/ }).tap();
  await waitForWizard(kiosk);
  await kiosk.getByLabel("First name").fill("Paired");
  await kiosk.getByRole("button", { name: "Next" }).tap();
  await kiosk.getByLabel("Last name").fill("Tablet");
  await kiosk.getByRole("button", { name: "Next" }).tap();
  await kiosk.getByRole("button", { name: "Resume review" }).tap();
  await kiosk.getByRole("button", { name: "Next" }).tap();
  await kiosk.getByRole("button", { name: "Yes" }).tap();
  await kiosk.getByRole("button", { name: "Next" }).tap();
  await kiosk.getByRole("button", { name: "I agree. Give me my ticket." }).tap();
  await expect(kiosk.getByRole("heading", { name: "You are checked in" })).toBeVisible();
  await expect(kiosk.getByTestId("ticket-number")).toHaveText(/^A-\d{3}$/);

  // The manager sees the tablet, used a moment ago, and revokes it.
  await manager.goto("/staff/kiosks");
  const row = manager.locator("tbody tr", { hasText: name });
  await expect(row).toContainText("Working");
  await shoot(manager, testInfo, "staff-kiosks");
  await manager.goto("/staff/kiosks?lang=es");
  await expectNoAxeViolations(manager, "kiosk tablets (es)");
  await shoot(manager, testInfo, "staff-kiosks-es");
  await manager.goto("/staff/kiosks");
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(manager.getByRole("status")).toContainText("Tablet revoked");
  await expect(manager.locator("tbody tr", { hasText: name })).toContainText("Revoked");

  await kiosk.getByRole("link", { name: "Done" }).tap();
  await expect(kiosk.getByRole("heading", { name: "This tablet is not set up as a kiosk" })).toBeVisible();
  await desk.close();
  await tablet.close();
});
