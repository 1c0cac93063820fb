import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { makeRepository, provision, readStatus, writePack } from '../fleet-support/fleet-fixture'
import { startStaticServer, type StaticServer } from '../fleet-support/static-server'
import { expect, staffPin, test } from './fixtures'
import { kioskRunning } from './kiosk-running'

const editedTitle = 'Back spasms, as the content team wrote it'
let workDir = ''
let server: StaticServer | null = null

test.afterEach(async () => {
  await server?.close()
  server = null
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

/** `fleet pack` of an edited copy of content/, `fleet init`, `fleet publish`: the content team's day. */
async function publishedRepository() {
  workDir = await mkdtemp(join(tmpdir(), 'kiosk-e2e-fleet-'))
  const repository = await makeRepository(workDir)
  await repository.publishPack(await writePack(workDir, { id: 'e2e-pack', title: editedTitle }))
  return repository
}

const status = readStatus

async function expectEditedTextShown(page: Page, userData: string) {
  await page.goto('/')
  await kioskRunning(page)
  // One check of the repository (every 3 s here) and the next start-screen signal (every 5 s).
  await expect
    .poll(async () => (await status(userData))?.pack?.id, { timeout: 20_000 })
    .toBe('e2e-pack')
  await page.getByTestId('touch-to-start').click()
  await expect(page.getByText(editedTitle)).toBeVisible()
}

/** A kiosk reading the repository from a folder, as from a mounted SMB share. */
async function provisionFromFolder(userData: string) {
  const { repo, root } = await publishedRepository()
  await provision(userData, {
    repository: repo,
    root,
    siteId: 'north',
    kioskId: 'e2e-kiosk',
    syncMinutes: 0.05,
  })
}

async function openFleetStatus(page: Page) {
  await page.goto('/#/admin')
  for (const digit of staffPin) await page.getByTestId(`pin-${digit}`).click()
  await page.getByTestId('pin-ok').click()
  await page.getByTestId('staff-fleet').click()
  await expect(page.getByTestId('fleet-view')).toBeVisible()
}

test.describe('over HTTP from a static server on 127.0.0.1', () => {
  test.use({
    kioskSetup: {
      prepare: async (userData) => {
        const { repo, root } = await publishedRepository()
        server = await startStaticServer(repo)
        await provision(userData, {
          repository: server.url,
          root,
          siteId: 'north',
          kioskId: 'e2e-kiosk',
          syncMinutes: 0.05,
        })
      },
    },
  })

  test('within one sync the kiosk shows the edited text, and status.json names the pack', async ({
    page,
    kiosk,
  }) => {
    await expectEditedTextShown(page, kiosk.userData)
    expect(await status(kiosk.userData)).toMatchObject({
      kioskId: 'e2e-kiosk',
      siteId: 'north',
      pack: { id: 'e2e-pack' },
      lastSync: { ok: true, reason: null },
    })

    await openFleetStatus(page)
    await expect(page.getByTestId('fleet-pack')).toContainText('e2e-pack — Pack e2e-pack')
    await expect(page.getByTestId('fleet-layer-en/section/what-is')).toContainText('Content pack')
    await page.getByTestId('fleet-check-now').click()
    await expect(page.getByTestId('fleet-last-check')).toContainText('no problem')
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa'])
      .analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])

    // The host goes down: the kiosk goes on, and says why in words and in status.json.
    server!.routes.set('/metadata/timestamp.json', (_request, response) =>
      response.writeHead(500).end(),
    )
    await page.getByTestId('fleet-check-now').click()
    await expect(page.getByTestId('fleet-last-check')).toContainText(
      'The web server answered with an error. The kiosk goes on showing what it has.',
    )
    expect((await status(kiosk.userData)).lastSync).toMatchObject({
      ok: false,
      reason: 'http-error',
    })
  })
})

test.describe('stopped between staging and the switch', () => {
  test.use({ kioskSetup: { prepare: provisionFromFolder } })

  test('with no start screen shown the pack stays staged; after a restart the old content is active until the start screen shows', async ({
    page,
    kiosk,
  }) => {
    // No page is open, so no start screen: the pack is downloaded and checked, not switched to.
    await expect
      .poll(async () => (await status(kiosk.userData))?.staged, { timeout: 20_000 })
      .toBe('e2e-pack')
    expect((await status(kiosk.userData)).pack).toBeNull()
    await kiosk.restart()
    const restartedAt = new Date().toISOString()
    // A check made by the restarted host (the first one is dead by now).
    await expect
      .poll(async () => (await status(kiosk.userData))?.lastSync?.at > restartedAt, {
        timeout: 10_000,
      })
      .toBe(true)
    expect(await status(kiosk.userData)).toMatchObject({ pack: null, staged: 'e2e-pack' })
    await expectEditedTextShown(page, kiosk.userData)
  })
})

test.describe('from a folder (an SMB share)', () => {
  test.use({ kioskSetup: { prepare: provisionFromFolder } })

  test('within one sync the kiosk shows the edited text', async ({ page, kiosk }) => {
    await expectEditedTextShown(page, kiosk.userData)
  })
})

test.describe('with a damaged fleet.json', () => {
  test.use({
    kioskSetup: {
      prepare: async (userData) =>
        provision(userData, { repository: 'ftp://files', siteId: 'North' } as never),
    },
  })

  test('staff see each bad field in plain words, and visitors see the kiosk as usual', async ({
    page,
  }) => {
    await page.goto('/')
    await kioskRunning(page)
    await openFleetStatus(page)
    const problems = page.getByTestId('fleet-config-problems')
    await expect(problems).toContainText('repository: Enter an https:// address, or a folder path.')
    await expect(problems).toContainText('siteId: Use lowercase letters, digits and single dashes.')
  })
})
