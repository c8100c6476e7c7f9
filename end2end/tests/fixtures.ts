// The `test` every spec uses: Playwright's, plus a guard that fails a test when any page
// it opened, in any browser context, reported a Content-Security-Policy violation (a
// script without the response's nonce, a framed page, a blocked load).
import { test as base, expect, BrowserContext, Page } from "@playwright/test";

export { expect };

/** Reports each violation on the page's console, where the guard hears it. */
function reportViolations() {
  document.addEventListener("securitypolicyviolation", (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      const watchPage = (page: Page) => {
        page.on("console", (message) => {
          const text = message.text();
          if (message.type() === "error" && /Content Security Policy|CSP violation/.test(text)) {
            violations.push(`${page.url()}: ${text}`);
          }
        });
      };
      const watchContext = async (c: BrowserContext) => {
        await c.addInitScript(reportViolations);
        c.pages().forEach(watchPage);
        c.on("page", watchPage);
      };
      await watchContext(context);
      // Contexts a test opens itself (a staff desk beside the kiosk) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const c = await newContext(...args);
        await watchContext(c);
        return c;
      };
      await use();
      browser.newContext = newContext;
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
