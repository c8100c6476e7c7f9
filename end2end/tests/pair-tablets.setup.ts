// Before the tests: a manager pairs one kiosk tablet per center through the real flow
// (a code made on the staff page, typed on the tablet), and each tablet's device cookie is
// kept for the tests that use that center's kiosk.
import { test as setup, expect } from "@playwright/test";
import * as fs from "fs";
import * as path from "path";
import { KIOSK_SERVER, STAFF_SERVER, DEMO_PASSWORD, kioskState } from "./helpers";

const CENTERS = ["tigard", "beaverton-hillsboro", "north-northeast-portland", "southeast-portland", "gresham"];

setup("a manager pairs a kiosk tablet for every center", async ({ browser }) => {
  const staff = await browser.newContext({ baseURL: STAFF_SERVER });
  const manager = await staff.newPage();
  await manager.goto("/staff/login");
  await manager.getByLabel("Email").fill("manager@frontdesk.test");
  await manager.getByLabel("Password").fill(DEMO_PASSWORD);
  await manager.getByRole("button", { name: "Sign in" }).click();
  await manager.waitForURL("**/staff/queue");
  for (const center of CENTERS) {
    await manager.goto("/staff/kiosks");
    await manager.getByLabel("Center").selectOption(center);
    await manager.getByLabel("Tablet name").fill(`End-to-end tablet ${center}`);
    await manager.getByRole("button", { name: "Make a pairing code" }).click();
    const code = (await manager.getByTestId("pairing-code").textContent()) ?? "";
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    const tablet = await browser.newContext({ baseURL: KIOSK_SERVER, hasTouch: true, viewport: { width: 1280, height: 800 } });
    const page = await tablet.newPage();
    await page.goto("/kiosk/pair");
    await page.getByLabel("Pairing code").fill(code);
    await page.getByRole("button", { name: "Set up this tablet" }).tap();
    await expect(page).toHaveURL(new RegExp(`/kiosk/${center}`));
    await expect(page.getByRole("heading", { name: "Welcome to WorkSource" })).toBeVisible();
    // Only the device cookie: the tests bring their own staff sessions.
    const state = await tablet.storageState();
    state.cookies = state.cookies.filter((c) => c.name === "frontdesk_kiosk");
    fs.mkdirSync(path.dirname(kioskState(center)), { recursive: true });
    fs.writeFileSync(kioskState(center), JSON.stringify(state));
    await tablet.close();
  }
  await staff.close();
});
