// Staff sign-in: strangers are sent to the sign-in form, wrong passwords are explained,
// and sign-out ends the session.
import { test, expect } from "./fixtures";
import { DEMO_EMAIL, DEMO_PASSWORD, STAFF_SERVER, expectNoAxeViolations, shoot } from "./helpers";

test("staff pages need a sign-in, and sign-out ends it", async ({ page }, testInfo) => {
  await page.goto(`${STAFF_SERVER}/staff/queue`);
  await expect(page).toHaveURL(/\/staff\/login$/);
  await expect(page.getByRole("heading", { name: "Staff sign in" })).toBeVisible();
  await expectNoAxeViolations(page, "sign-in");
  await shoot(page, testInfo, "staff-sign-in");

  await page.getByLabel("Email").fill(DEMO_EMAIL);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That email and password do not match. Please try again.");
  await expectNoAxeViolations(page, "sign-in refused");

  await page.getByLabel("Email").fill(DEMO_EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: /Walk-in queue/ })).toBeVisible();
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "frontdesk_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Strict");
  await expectNoAxeViolations(page, "staff queue");
  await shoot(page, testInfo, "staff-queue");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/staff\/login$/);
  await page.goto(`${STAFF_SERVER}/staff/queue`);
  await expect(page).toHaveURL(/\/staff\/login$/);
});
