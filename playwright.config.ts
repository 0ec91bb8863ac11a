import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests run against the production build (`vite preview`).
 * Chromium: $DOWNHILL_CHROMIUM, else Debian's /usr/bin/chromium, else Playwright's own browser.
 */
export const chromiumPath = process.env.DOWNHILL_CHROMIUM || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Set DOWNHILL_BASE_URL to test an already running server (e.g. `npx vite --port 5301`) instead of the build. */
const externalBase = process.env.DOWNHILL_BASE_URL;

export default defineConfig({
  testDir: "e2e",
  // Golden screenshots live in e2e/golden/ under the name the test gives them, with no
  // browser or platform suffix: the suite runs one Chromium, and CI and this machine share it.
  snapshotPathTemplate: "{testDir}/golden/{arg}{ext}",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: externalBase ?? "http://127.0.0.1:4173",
    ...devices["Desktop Chrome"],
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  webServer: externalBase
    ? undefined
    : {
    command: "npx vite preview --host 127.0.0.1 --port 4173 --strictPort",
    url: "http://127.0.0.1:4173",
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
