import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** WCAG 2.2 AA, plus WCAG 2 AAA (its contrast rule makes body text reach 7:1), as for every screen. */
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa']

/**
 * Axe's findings on the screen as it is, one line each. A tap leaves the pressed button dark
 * for a moment, then fades it back: axe must see the colours a visitor reads, once nothing is
 * pressed and no fade is running.
 */
export async function axeAfterTap(page: Page, name: string): Promise<string[]> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll(':active').length === 0 &&
      document
        .getAnimations()
        .every(
          (animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running',
        ),
  )
  const results = await new AxeBuilder({ page }).withTags(tags).analyze()
  return results.violations.map((v) => `${name}: ${v.id} ${v.nodes[0]?.target.join(' ')} ${v.help}`)
}
