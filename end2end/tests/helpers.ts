// Shared steps: accessibility checks, screenshots at tablet and phone sizes, tap-target
// checks, and signing staff in.
import { expect, Page, TestInfo, Browser, BrowserContext } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import * as fs from "fs";
import { execFileSync } from "child_process";
import * as path from "path";

export const KIOSK_SERVER = "http://127.0.0.1:3210";
export const STAFF_SERVER = "http://127.0.0.1:3211";
export const DEMO_EMAIL = "demo@frontdesk.test";
export const DEMO_PASSWORD = "frontdesk-demo";

/** Zero axe-core violations (WCAG 2.2 A and AA and best practices) on the page as it is now. */
export async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

const SIZES = [
  { name: "landscape", width: 1280, height: 800 },
  { name: "portrait", width: 800, height: 1280 },
  { name: "phone", width: 390, height: 844 },
];

/** Screenshots of the current screen at tablet landscape, tablet portrait and phone size
 * (each must fit its width without scrolling sideways),
 *  kept in end2end/screenshots and attached to the test report. */
export async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const original = page.viewportSize();
  const dir = path.join(__dirname, "..", "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  const tooWide: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const file = path.join(dir, `${name}-${size.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`${name}-${size.name}`, { path: file, contentType: "image/png" });
    // Sideways scrolling hides table columns and buttons off screen, where nobody looks.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > size.width) tooWide.push(`${size.name}: ${width} px wide in a ${size.width} px window`);
  }
  if (original) await page.setViewportSize(original);
  expect(tooWide, `${name} scrolls sideways`).toEqual([]);
}

/** Every visible control on the kiosk is at least 64x64 CSS pixels. */
export async function expectLargeTapTargets(page: Page, what: string) {
  const small = await page.evaluate(() => {
    const controls = Array.from(document.querySelectorAll<HTMLElement>("header button, main a, main button, main input, main select, nav a, nav button, dialog[open] button"));
    return controls
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { text: (el.textContent || el.id || el.tagName).trim().slice(0, 40), width: Math.round(r.width), height: Math.round(r.height) };
      })
      .filter((c) => c.width < 64 || c.height < 64);
  });
  expect(small, `controls smaller than 64x64 on ${what}`).toEqual([]);
}

/** Waits until the check-in wizard island has hydrated (its effect sets the marker). */
export async function waitForWizard(page: Page) {
  await expect(page.locator('.wizard[data-hydrated="true"]')).toBeVisible();
}

/** Where the setup project keeps the paired tablet of `center` (its device cookie). */
export function kioskState(center: string) {
  return path.join(__dirname, "..", ".auth", `kiosk-${center}.json`);
}

/** Makes this browser context the paired kiosk tablet of `center` (paired once by the
 * setup project through the real pairing flow). */
export async function useKioskOf(context: BrowserContext, center: string) {
  const state = JSON.parse(fs.readFileSync(kioskState(center), "utf8"));
  await context.addCookies(state.cookies);
}

/** The number of the visitor now at `center`'s tablet (paired in `context`), as its check-in
 *  screen names it: a check-in sent as the kiosk's island sends it carries it. */
export async function tabletVisitor(context: BrowserContext, center: string): Promise<number> {
  const screen = await context.request.get(`${KIOSK_SERVER}/kiosk/${center}/check-in`);
  const found = /name="visitor" value="(\d+)"/.exec(await screen.text());
  expect(found, "the check-in screen names its visitor").not.toBeNull();
  return Number(found![1]);
}

/** A staff page in its own browser context, signed in on the other server process. */
export async function signedInStaffPage(browser: Browser, center = "tigard", email = DEMO_EMAIL) {
  // Staff screens run their script even beside a kiosk tested without one.
  const context = await browser.newContext({ baseURL: STAFF_SERVER, viewport: { width: 1280, height: 800 }, javaScriptEnabled: true });
  const page = await context.newPage();
  await page.goto("/staff/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/staff/queue");
  await page.goto(`/staff/queue?center=${center}`);
  await expect(page.locator('.live-status[data-connected="true"]')).toBeVisible();
  return { context, page };
}

/** The whole screen fits the viewport: a kiosk visitor never has to scroll (a gesture). */
export async function expectNoScrolling(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(overflow, `${what} is ${overflow}px taller than the screen`).toBeLessThanOrEqual(0);
}

/** The link of `kind` last emailed to `to`, as a path on the server, taken from the mail
 * the real SMTP server (aiosmtpd, started by playwright.config.ts) received: the outbox
 * row names the message (its Message-ID is `<outbox-{id}@frontdesk>`), the maildir holds
 * what was delivered. Waits for the mail worker to send it. */
export async function emailedLink(to: string, kind: string): Promise<string> {
  const database = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/frontdesk_e2e";
  const id = execFileSync("psql", [database, "-AtX", "-c",
    `select id from outbox where to_address = '${to}' and kind = '${kind}' order by id desc limit 1`], { encoding: "utf8" }).trim();
  if (!id) throw new Error(`no ${kind} email to ${to} in the outbox`);
  const messageId = `<outbox-${id}@frontdesk>`;
  let mail: string | undefined;
  await expect.poll(() => {
    mail = deliveredMail(messageId);
    return mail !== undefined;
  }, { message: `the SMTP server received ${kind} for ${to}`, timeout: 15_000 }).toBe(true);
  const body = plainText(mail!);
  const found = body.match(/https?:\/\/\S+/g)?.find((url) => /\/manage\/|\/password\/|\/book\/waitlist\/|\/book\/hold\//.test(url));
  if (!found) throw new Error(`no link in the ${kind} email to ${to}: ${body}`);
  const url = new URL(found);
  return url.pathname + url.search;
}

/** The delivered message whose Message-ID is `messageId`, from the test SMTP server's maildir. */
function deliveredMail(messageId: string): string | undefined {
  const dir = path.join(process.env.E2E_MAILDIR!, "new");
  if (!fs.existsSync(dir)) return undefined;
  for (const name of fs.readdirSync(dir)) {
    const raw = fs.readFileSync(path.join(dir, name), "utf8");
    if (header(raw.split(/\r?\n\r?\n/)[0], "message-id") === messageId) return raw;
  }
  return undefined;
}

/** A header's value (folded lines joined), or "". */
function header(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : "";
}

/** The text/plain body of a MIME message, decoded (base64 or quoted-printable). */
function plainText(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const type = header(head, "content-type");
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const part = body.split(`--${boundary}`).find((p) => /content-type:\s*text\/plain/i.test(p));
    return part ? plainText(part.replace(/^\r?\n/, "")) : "";
  }
  const encoding = header(head, "content-transfer-encoding").toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-Fa-f]{2})/g, (_, hex) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-Fa-f]{2})/g, "%25"));
  }
  return body;
}
