import { defineConfig } from '@playwright/test'
import { testServices } from './tests/hardware/test-services'

/** Debian's Chromium: Playwright's own browser download cannot be used on these machines. */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}

/** What scripts/test-services.sh started (CUPS, Xvfb, speech-dispatcher), if it ran. */
const services = testServices()

export default defineConfig({
  projects: [
    { name: 'e2e', testDir: 'tests/e2e' },
    {
      // Real voices: Chromium reads aloud through the tests' own speech-dispatcher.
      name: 'speech',
      testDir: 'tests/hardware/speech',
      use: {
        launchOptions: {
          ...chromiumLaunch,
          args: [...chromiumLaunch.args, '--enable-speech-dispatcher'],
          env: { ...process.env, ...services.speechEnv },
        },
      },
    },
    {
      // A headed Chromium under Xvfb prints silently to CUPS's default queue, as in a clinic.
      name: 'real-print',
      testDir: 'tests/hardware/print',
      use: {
        headless: false,
        launchOptions: {
          ...chromiumLaunch,
          args: [...chromiumLaunch.args, '--kiosk-printing'],
          env: { ...process.env, ...services.displayEnv },
        },
      },
    },
    {
      // Stops and starts the default queue, so it runs after the prints that need it.
      name: 'printer-health',
      testDir: 'tests/hardware/printer-health',
      dependencies: ['real-print'],
    },
    { name: 'electron', testDir: 'tests/electron' },
    // `npm run docs:screenshots`, never `npm test`: it rewrites the pictures in docs/.
    { name: 'docs', testDir: 'tests/docs' },
  ],
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  // Each test starts its own web host (tests/e2e/fixtures.ts), on a fresh user-data folder.
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 1920, height: 1080 },
    trace: 'off',
  },
})
