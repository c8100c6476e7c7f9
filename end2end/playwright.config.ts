// End-to-end tests in Debian's Chromium. Two server processes share one fresh database
// (E2E_DATABASE_URL, made by scripts/test.sh): kiosks talk to one, staff screens to the
// other, so live updates are tested across processes as behind a load balancer.
import { defineConfig } from "@playwright/test";
import * as os from "os";
import * as path from "path";

const database = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/frontdesk_e2e";
export const KIOSK_SERVER = "http://127.0.0.1:3210";
export const STAFF_SERVER = "http://127.0.0.1:3211";

// A real SMTP server (Debian's python3-aiosmtpd) receives every email the servers send,
// into a maildir made fresh for this run; tests read links from what it received
// (`emailedLink` in tests/helpers.ts). Set once here and inherited by the workers.
const SMTP_PORT = 2587;
// (aiosmtpd makes the maildir, which must not exist yet.)
process.env.E2E_MAILDIR ??= path.join(os.tmpdir(), `frontdesk-e2e-mail-${process.pid}-${Date.now()}`);
const maildir = process.env.E2E_MAILDIR;

// CI may keep cargo's output outside the clone; the site assets stay in ./target/site.
const binary = `${process.env.CARGO_TARGET_DIR ?? "../target"}/release/server`;

function server(url: string) {
  const addr = url.replace("http://", "");
  return {
    command: binary,
    url: `${url}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe" as const,
    env: {
      DATABASE_URL: database,
      LEPTOS_SITE_ADDR: addr,
      LEPTOS_OUTPUT_NAME: "frontdesk",
      LEPTOS_SITE_ROOT: "../target/site",
      LEPTOS_SITE_PKG_DIR: "pkg",
      LEPTOS_ENV: "PROD",
      // The build names /pkg files by their content (Cargo.toml, hash-files); the server
      // finds the names in hash.txt next to its binary.
      LEPTOS_HASH_FILES: "true",
      FRONTDESK_DEMO_DATA: "true",
      FRONTDESK_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      RUST_LOG: "warn",
    },
  };
}

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1, // 2 cores: one browser at a time
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: KIOSK_SERVER,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    },
  },
  projects: [
    {
      // Pairs a kiosk tablet per center through the real flow, once.
      name: "setup",
      testMatch: /.*\.setup\.ts/,
    },
    {
      // A kiosk tablet: landscape, touch, paired with Tigard.
      name: "tablet",
      dependencies: ["setup"],
      use: {
        viewport: { width: 1280, height: 800 },
        hasTouch: true,
        isMobile: false,
        storageState: path.join(__dirname, ".auth", "kiosk-tigard.json"),
      },
    },
  ],
  webServer: [
    {
      command: `/usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:${SMTP_PORT} -c aiosmtpd.handlers.Mailbox ${maildir}`,
      port: SMTP_PORT,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    server(KIOSK_SERVER),
    server(STAFF_SERVER),
  ],
});
