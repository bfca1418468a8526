import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// Playwright loads this file in the runner and again in every worker: pick the free port once
// and hand it down through the environment, which workers inherit.
process.env.SWITCHBOARD_E2E_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });",
]).toString();
const port = Number(process.env.SWITCHBOARD_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Browser tests against the real hub (mcp/server/start-hub.ts) on a fresh database; see
 * test/e2e/serve-e2e-hub.ts for why the database lives with the server command rather than in
 * globalSetup (Playwright starts webServer before globalSetup). Debian's Chromium, since
 * `playwright install` cannot download browsers here.
 */
export default defineConfig({
  testDir: "test/e2e",
  outputDir: "test-results/e2e",
  // The flows share one hub and one database (the first sign-up becomes admin): run them in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    browserName: "chromium",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // The auth flows need an empty hub (the first sign-up becomes admin), so they run first.
  projects: [
    { name: "auth", testMatch: /console-auth\.spec\.ts$/ },
    { name: "console", testMatch: /\.spec\.ts$/, testIgnore: /console-(auth|screens)\.spec\.ts$/, dependencies: ["auth"] },
    // Every page on a phone and a desktop, light and dark, once the other specs have filled the hub.
    { name: "screens", testMatch: /console-screens\.spec\.ts$/, dependencies: ["console"] },
  ],
  webServer: {
    command: "npx tsx test/e2e/serve-e2e-hub.ts",
    url: `${baseURL}/api/health`,
    // The first start may build Next (minutes on 2 cores).
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      SWITCHBOARD_PUBLIC_URL: baseURL,
      SWITCHBOARD_DATA_DIR: path.join(os.tmpdir(), `switchboard-e2e-${port}`),
      // On, so the flows can create a member after the first (admin) account.
      SWITCHBOARD_ALLOW_SIGNUP: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
  },
});
