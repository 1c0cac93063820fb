import { expect, type Page } from '@playwright/test'

/**
 * index.html shows a pre-rendered start screen before the app runs, so "Touch to start" being
 * visible does not mean the app is running. Vue marks the element it mounted on. The app's
 * code loads a second after the page (src/start/load-app-when-idle.ts `settleMs`), or at the
 * first touch; on Playwright's clock that second must be run.
 */
export const appLoadsAfterMs = 1_000

export async function kioskRunning(page: Page): Promise<void> {
  await expect(page.locator('#app[data-v-app]')).toHaveCount(1)
  await expect(page.getByTestId('touch-to-start')).toBeVisible()
}
