import { execFile } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { promisify } from 'node:util'
import { chromium } from '@playwright/test'
import { chromiumLaunch } from '../../playwright.config'
import { testServices } from '../hardware/test-services'
import { startButton } from './kiosk'
import { median, percentile, round } from './stats'

const run = promisify(execFile)

const sheets = ['prevention', 'stretches', 'home-care']

export type PrintResult =
  | { measured: false; reason: string }
  | {
      measured: true
      printer: string
      prints: number
      /** "Yes, print it" tapped → CUPS has taken the job: a new job id in `lpstat -W all -o`. */
      acceptedMs: number[]
      acceptedP50Ms: number
      acceptedP95Ms: number
      /** The same tap → cups-pdf's PDF of it in the output folder (the job printed). */
      pdfWrittenMedianMs: number | null
    }

async function jobIds(printer: string): Promise<Set<string>> {
  const { stdout } = await run('lpstat', ['-W', 'all', '-o', printer]).catch(() => ({
    stdout: '',
  }))
  return new Set(
    stdout
      .split('\n')
      .map((line) => line.split(/\s+/)[0] ?? '')
      .filter(Boolean),
  )
}

const pdfs = (dir: string) => new Set(readdirSync(dir).filter((name) => name.endsWith('.pdf')))

/** Why the spooler cannot take a job, or null when it can. */
async function spoolerProblem(printer: string): Promise<string | null> {
  const scheduler = await run('lpstat', ['-r']).catch(() => ({ stdout: 'no lpstat' }))
  if (!/is running/.test(scheduler.stdout)) return `CUPS: ${scheduler.stdout.trim()}`
  const queue = await run('lpstat', ['-p', printer]).catch(() => null)
  if (!queue || /disabled/.test(queue.stdout)) return `the CUPS queue ${printer} is not enabled`
  return null
}

/**
 * Time from "Yes, print it" to the job accepted by CUPS, through the real spooler: a headed
 * Chromium on the test services' X display with --kiosk-printing prints the sheet silently to
 * the system's default queue (cups-pdf). Each print is its own visit (the kiosk allows a few
 * per visit). "Accepted" is the moment `lpstat -W all -o <queue>` first lists the new job,
 * polled every 20 ms; the cups-pdf file appearing is reported too.
 */
export async function measurePrint(appUrl: string, prints = 20): Promise<PrintResult> {
  const services = testServices()
  if (services.missing !== null) return { measured: false, reason: services.missing }
  const printer = services.printer?.queue ?? ''
  const output = services.printer?.output ?? ''
  if (!services.displayEnv['DISPLAY'] || !printer || !output) {
    return {
      measured: false,
      reason: 'the test services gave no display, printer or output folder',
    }
  }
  const problem = await spoolerProblem(printer)
  if (problem) return { measured: false, reason: problem }
  const browser = await chromium.launch({
    ...chromiumLaunch,
    headless: false,
    args: [...chromiumLaunch.args, '--kiosk-printing'],
    env: { ...process.env, ...services.displayEnv },
  })
  const accepted: number[] = []
  const written: number[] = []
  try {
    for (let i = 0; i <= prints; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
      try {
        const page = await context.newPage()
        await page.goto(appUrl)
        await startButton(page).click()
        await page.getByTestId('tile-sheets').click()
        await page.getByTestId(`print-${sheets[i % sheets.length]}`).click()
        const yes = page.getByTestId('print-confirm-yes')
        await yes.waitFor()
        const jobsBefore = await jobIds(printer)
        const pdfsBefore = pdfs(output)
        const tappedAt = Date.now()
        const clicked = yes.click()
        let acceptedAt: number | null = null
        let writtenAt: number | null = null
        while (writtenAt === null && Date.now() - tappedAt < 60_000) {
          const now = Date.now()
          if (
            acceptedAt === null &&
            [...(await jobIds(printer))].some((id) => !jobsBefore.has(id))
          ) {
            acceptedAt = now
          }
          if ([...pdfs(output)].some((name) => !pdfsBefore.has(name))) writtenAt = now
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
        await clicked
        if (acceptedAt === null) throw new Error(`print ${i}: CUPS listed no new job in 60 s`)
        // The first print warms the browser's print path and CUPS's filters: not counted.
        if (i > 0) {
          accepted.push(acceptedAt - tappedAt)
          if (writtenAt !== null) written.push(writtenAt - tappedAt)
        }
      } finally {
        await context.close()
      }
    }
  } finally {
    await browser.close()
  }
  return {
    measured: true,
    printer,
    prints,
    acceptedMs: accepted,
    acceptedP50Ms: round(percentile(accepted, 50)),
    acceptedP95Ms: round(percentile(accepted, 95)),
    pdfWrittenMedianMs: written.length === prints ? round(median(written)) : null,
  }
}
