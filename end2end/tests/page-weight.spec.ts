// What a visitor's phone downloads for a page with nothing to hydrate (the home page,
// booking, the workshops): the HTML and its style sheet, compressed, and no script file.
// Sizes are what travelled (encoded bodies), written to test-results/page-weight.json for
// the README.
import { test, expect } from "./fixtures";
import * as fs from "fs";
import * as path from "path";

const PLAIN_PAGES = ["/", "/book?lang=es", "/workshops", "/staff/login"];

test("pages without islands download no WASM and no script file", async ({ browser }) => {
  const rows: { page: string; requests: number; bytes: number; files: string[] }[] = [];
  for (const address of PLAIN_PAGES) {
    // A phone opening the page for the first time: no kiosk cookie, nothing cached.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await phone.newPage();
    const fetched: Promise<{ url: string; bytes: number }>[] = [];
    page.on("requestfinished", (request) => {
      fetched.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize })));
    });
    await page.goto(address, { waitUntil: "networkidle" });
    const files = await Promise.all(fetched);
    const names = files.map((f) => new URL(f.url).pathname);
    expect(names.filter((n) => /\.(wasm|js)$/.test(n)), `${address} fetches no script`).toEqual([]);
    rows.push({ page: address, requests: files.length, bytes: files.reduce((sum, f) => sum + f.bytes, 0), files: names });
    await phone.close();
  }
  console.table(rows.map(({ page, requests, bytes }) => ({ page, requests, bytes })));
  fs.mkdirSync(path.join(__dirname, "..", "test-results"), { recursive: true });
  fs.writeFileSync(path.join(__dirname, "..", "test-results", "page-weight.json"), JSON.stringify(rows, null, 2));
});
