import { defineConfig } from '@playwright/test'

// The built site (run `vite build` first: `npm run test:e2e` does) in Debian's Chromium, served
// two ways: by `vite preview`, which sends COOP/COEP headers, and by a plain static server that
// sends none, where coi-serviceworker must provide cross-origin isolation.
export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 1, // a first service-worker install can miss its reload on a loaded 2-core machine; a second failure is real
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    { command: 'npx vite preview --port 4173 --strictPort', url: 'http://localhost:4173/', reuseExistingServer: false, timeout: 30_000 },
    { command: 'node e2e/static-server.mjs 8090', url: 'http://127.0.0.1:8090/playground/', reuseExistingServer: false, timeout: 30_000 },
  ],
  projects: [
    { name: 'headers', use: { baseURL: 'http://localhost:4173/' } },
    { name: 'static-sw', use: { baseURL: 'http://127.0.0.1:8090/playground/' } },
  ],
})
