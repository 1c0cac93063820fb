import { expect, type Page } from '@playwright/test'

/**
 * index.html shows a pre-rendered start screen before the app runs, so "Touch to start" being
 * visible no longer means the app is running. Vue marks the element it mounted on.
 */
export async function kioskRunning(page: Page): Promise<void> {
  await expect(page.locator('#app[data-v-app]')).toHaveCount(1)
  await expect(page.getByTestId('touch-to-start')).toBeVisible()
}
