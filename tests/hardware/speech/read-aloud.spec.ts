import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { parse } from 'yaml'
import { expect, test } from '../../e2e/fixtures'
import { kioskRunning } from '../../e2e/kiosk-running'
import { requireTestServices } from '../test-services'

/**
 * Reading aloud with real voices: Chromium with --enable-speech-dispatcher speaks through the
 * tests' own speech-dispatcher and espeak-ng (scripts/test-services.sh), so every utterance
 * really starts and ends. The page's speech is only listened to, never replaced.
 */
requireTestServices()
// One voice at a time: the tests share one speech-dispatcher, which queues what two would say.
test.describe.configure({ mode: 'default' })

interface Heard {
  text: string
  lang: string
  voice: string
  events: string[]
}

/** Records what the page says and which sentence it highlights, as it happens. */
async function listen(page: Page) {
  await page.addInitScript(() => {
    const heard: Heard[] = []
    const highlighted: string[] = []
    Object.assign(window, { heard, highlighted })
    const speak = speechSynthesis.speak.bind(speechSynthesis)
    speechSynthesis.speak = (utterance) => {
      const entry: Heard = {
        text: utterance.text,
        lang: utterance.lang,
        voice: utterance.voice?.name ?? '',
        events: [],
      }
      heard.push(entry)
      utterance.addEventListener('start', () => entry.events.push('start'))
      utterance.addEventListener('end', () => entry.events.push('end'))
      utterance.addEventListener('error', (e) => entry.events.push(`error:${e.error}`))
      speak(utterance)
    }
    new MutationObserver(() => {
      const now = document.querySelector('.reading')?.textContent?.trim()
      if (now && highlighted.at(-1) !== now) highlighted.push(now)
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] })
  })
  return {
    heard: () => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard),
    highlighted: () =>
      page.evaluate(() => (window as unknown as { highlighted: string[] }).highlighted),
    started: () =>
      page.evaluate(
        () =>
          (window as unknown as { heard: Heard[] }).heard.filter((h) => h.events.includes('start'))
            .length,
      ),
  }
}

const content = (path: string) => parse(readFileSync(`content/${path}`, 'utf8'))
const sentences = (text: string, locale: string) =>
  [...new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(text)].map((s) =>
    s.segment.trim(),
  )

async function start(page: Page, locale: 'en' | 'es' = 'en') {
  await page.goto('/')
  await kioskRunning(page)
  if (locale === 'es') await page.getByRole('button', { name: 'Español' }).click()
  await page.getByTestId('touch-to-start').click()
  await expect(page.locator('main h1')).toBeVisible()
}

/** Opens a screen by its address and waits for its heading. */
async function open(page: Page, hash: string, heading: string) {
  await page.evaluate((to) => (location.hash = to), hash)
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
}

/**
 * Taps Read aloud and waits until its first sentence has really started; returns that one. A
 * first sentence cut off by the last screen's cancel is said again, so the one that started
 * may come second.
 */
async function readAloud(page: Page, ear: Awaited<ReturnType<typeof listen>>): Promise<Heard> {
  const from = (await ear.heard()).length
  await page.getByTestId('read-aloud').click()
  const started = async () =>
    (await ear.heard()).slice(from).find((heard) => heard.events.includes('start'))
  await expect.poll(started, { message: 'an utterance that starts' }).toBeTruthy()
  return (await started())!
}

test('every screen with words has Read aloud; it reads that screen, not its buttons', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const ear = await listen(page)
  await start(page)
  const screens: [string, () => Promise<void>][] = [
    ['home', async () => undefined],
    ['topic', () => page.getByTestId('tile-get-help').click()],
    ['help check', () => page.getByTestId('start-help-check').click()],
    ['help check question', () => page.getByTestId('help-check-start').click()],
    ['help check outcome', () => page.getByTestId('help-check-yes').click()],
    ['stretches', () => open(page, '#/stretches', 'Gentle stretches')],
    ['a stretch', () => page.getByTestId('stretch-tile-knee-to-chest').click()],
    ['sheets', () => open(page, '#/sheets', 'Take-home sheets')],
    ['about', () => open(page, '#/about', 'About this information')],
  ]
  const firstSaid: Record<string, string> = {}
  for (const [name, open] of screens) {
    await open()
    await expect(page.getByTestId('read-aloud'), name).toBeVisible()
    firstSaid[name] = (await readAloud(page, ear)).text
  }
  expect(firstSaid).toEqual({
    home: 'Choose a topic',
    topic: 'When to get help',
    'help check': 'Should I get help?',
    'help check question': 'Should I get help?',
    'help check outcome': 'Should I get help?',
    stretches: 'Gentle stretches',
    'a stretch': 'Knee to chest',
    sheets: 'Take-home sheets',
    about: 'About this information',
  })
  const said = (await ear.heard()).map((h) => h.text)
  for (const text of said) {
    expect(text).not.toMatch(/\.\.|Read aloud|Stop reading|Previous|Next ›|Print this sheet/)
    expect(text).not.toContain('{')
  }
  expect(new Set((await ear.heard()).map((h) => h.lang))).toEqual(new Set(['en-US']))
})

test('the highlight follows the sentence being said, and the emergency number is said digit by digit', async ({
  page,
}) => {
  const ear = await listen(page)
  await start(page)
  await page.getByTestId('tile-get-help').click()
  await readAloud(page, ear)
  await expect.poll(async () => (await ear.highlighted()).length).toBeGreaterThanOrEqual(3)
  const getHelp = content('en/sections/get-help.yaml')
  const opening = [getHelp.title, ...sentences(getHelp.blocks[0].text, 'en')]
  expect((await ear.highlighted()).slice(0, opening.length)).toEqual(opening)
  expect((await ear.heard()).slice(0, opening.length).map((h) => h.text)).toEqual(opening)
  await expect
    .poll(async () => (await ear.heard()).map((h) => h.text))
    .toContain('Emergency: call 9 1 1 now')
  // What is shown keeps the number as the clinic wrote it.
  await expect.poll(ear.highlighted).toContain('Emergency: call 911 now')
})

test('in Spanish, a Spanish voice reads the Spanish words', async ({ page }) => {
  const ear = await listen(page)
  await start(page, 'es')
  await page.getByTestId('tile-what-is').click()
  await readAloud(page, ear)
  const [first] = await ear.heard()
  expect(first).toMatchObject({ text: content('es/sections/what-is.yaml').title, lang: 'es-419' })
  expect(first!.voice).toMatch(/Spanish/)
  expect(first!.events).toContain('start')
})

test('a new page, language or text size stops the reading', async ({ page }) => {
  const ear = await listen(page)
  await start(page)
  await page.getByTestId('tile-get-help').click()
  const stopsWhen = async (what: string, action: () => Promise<void>) => {
    await readAloud(page, ear)
    await action()
    await expect(page.getByTestId('read-aloud'), what).toHaveAttribute('aria-pressed', 'false')
    const after = await ear.started()
    await page.waitForTimeout(800)
    expect(await ear.started(), `${what}: nothing more is said`).toBe(after)
    expect(await page.evaluate(() => speechSynthesis.speaking), what).toBe(false)
  }
  await stopsWhen('a second tap', () => page.getByTestId('read-aloud').click())
  await stopsWhen('next page', () => page.getByTestId('page-next').click())
  await stopsWhen('text size', () => page.getByTestId('text-size-large').click())
  await stopsWhen('language', () => page.getByTestId('nav-language').click())
  // The page being read was cut short, not read to its end.
  expect((await ear.heard()).some((h) => h.events.some((e) => e.startsWith('error:')))).toBe(true)
})

test('a stretch reads its steps, then each new timer prompt as it comes', async ({ page }) => {
  const ear = await listen(page)
  await start(page)
  await open(page, '#/stretches/knee-to-chest', 'Knee to chest')
  await readAloud(page, ear)
  await expect
    .poll(async () => (await ear.heard()).map((h) => h.text))
    .toContain('Get into position, then touch Start.')
  await page.getByTestId('stretch-action').click()
  await expect
    .poll(async () => (await ear.heard()).map((h) => h.text))
    .toContain('Hold the stretch for 20 seconds.')
})

test('a walk-away reset stops the reading', async ({ page }) => {
  const ear = await listen(page)
  await page.clock.install()
  await start(page)
  await page.getByTestId('tile-get-help').click()
  await readAloud(page, ear)
  await page.clock.runFor(120_000)
  await expect(page.getByTestId('touch-to-start')).toBeVisible()
  const after = await ear.started()
  await page.waitForTimeout(800)
  expect(await ear.started()).toBe(after)
  expect(await page.evaluate(() => speechSynthesis.speaking)).toBe(false)
})
