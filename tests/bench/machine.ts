import { cpus, loadavg, platform, totalmem } from 'node:os'
import type { Browser } from '@playwright/test'
import type { Machine } from './results'
import { round } from './stats'

/** The machine a run is on, with its load average taken now (call it at the run's start). */
export const describeMachine = (browser: Browser, load = loadavg()): Machine => ({
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  memGB: round(totalmem() / 1024 ** 3),
  platform: platform(),
  loadAverageAtStart: load.map((n) => round(n, 2)),
  node: process.version,
  chromium: `Chromium ${browser.version()}`,
})

/** A whole number from the environment, or the default when it is unset or not one. */
export function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}
