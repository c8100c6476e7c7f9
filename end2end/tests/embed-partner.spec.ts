// A library's job-help page on its own site shows a center's workshops in an iframe
// (/embed/workshops), in Arabic and in English, on a phone. The browser lets the other
// site frame it (the CSP guard fails the test on any refusal), axe finds nothing on the
// partner's page with the list in it, and a tap on a session opens its enrolment page in
// a new tab while the partner's page stays.
import { test, expect } from "./fixtures";
import { expectNoAxeViolations, shoot, KIOSK_SERVER } from "./helpers";
import * as http from "http";
import type { AddressInfo } from "net";

test.use({
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
});

// The partner's site, served by a real server of its own: another origin and another
// site than ours (localhost is not 127.0.0.1). It runs on the loopback as our test server
// does, since Chromium blocks a page fetched from anywhere else from framing a local
// address (Local Network Access).
let partner: http.Server;
let PARTNER = "";

test.beforeAll(async () => {
  partner = http.createServer((request, response) => {
    const lang = new URL(request.url ?? "/", "http://localhost").searchParams.get("lang") ?? "en";
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(partnerPage(lang));
  });
  await new Promise<void>((resolve) => partner.listen(0, "127.0.0.1", resolve));
  PARTNER = `http://localhost:${(partner.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => partner.close(() => resolve())));

/** The partner's page: its own heading and text, and our list in a frame. */
function partnerPage(lang: string) {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Job help at the library</title>
<style>body { font-family: sans-serif; margin: 0; padding: 12px; } iframe { width: 100%; height: 1600px; border: 1px solid #767676; }</style>
</head><body><main><h1>Job help at the library</h1><p>Free workshops near you:</p>
<iframe title="WorkSource workshops" src="${KIOSK_SERVER}/embed/workshops?center=tigard&amp;lang=${lang}"></iframe>
</main></body></html>`;
}

test("a partner's page shows a center's workshops and a tap opens the enrolment page", async ({ page }, testInfo) => {
  await page.goto(`${PARTNER}/jobs?lang=ar`);
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("html")).toHaveAttribute("lang", "ar");
  await expect(frame.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(frame.locator(".session-card").first()).toBeVisible();
  await expectNoAxeViolations(page, "the partner's page with the Arabic list");
  await shoot(page, testInfo, "embed-1-partner-ar");

  await page.goto(`${PARTNER}/jobs?lang=en`);
  const card = frame.locator(".session-card").first();
  await expect(card.getByTestId("seats")).toHaveText(/seats? left|waitlist/);
  await expectNoAxeViolations(page, "the partner's page with the English list");
  await shoot(page, testInfo, "embed-2-partner-en");
  const title = (await card.locator("h2").textContent())?.trim() ?? "";
  const opened = page.waitForEvent("popup");
  await card.getByRole("link", { name: /^Details and enrol/ }).tap();
  const enrolment = await opened;
  await enrolment.waitForLoadState();
  await expect(enrolment).toHaveURL(new RegExp(`^${KIOSK_SERVER}/workshops/\\d+\\?lang=en`));
  await expect(enrolment.getByRole("heading", { name: title })).toBeVisible();
  await expect(enrolment.getByRole("heading", { name: "Enrol" })).toBeVisible();
  expect(page.url(), "the partner's page stays").toBe(`${PARTNER}/jobs?lang=en`);
});
