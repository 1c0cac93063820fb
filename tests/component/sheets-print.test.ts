import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { VueWrapper } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { useVisitStore } from '@/stores/useVisitStore'
import SheetsView from '@/views/SheetsView.vue'
import { mountKiosk } from './mount-kiosk'
import { realBackend } from './real-backend'

async function printPrevention(wrapper: VueWrapper): Promise<string> {
  await wrapper.get('[data-testid="print-prevention"]').trigger('click')
  await wrapper.get('[data-testid="print-confirm-yes"]').trigger('click')
  await vi.waitFor(() =>
    expect(wrapper.get('[data-testid="print-progress"]').attributes('data-step')).toMatch(
      /done|failed/,
    ),
  )
  return wrapper.get('[data-testid="print-progress"] h2').text()
}

describe('printing a sheet, in the visitor’s words', () => {
  it('says the sheet is printing, and the backend counts it', async () => {
    const { wrapper } = await mountKiosk(SheetsView, { path: '/sheets' })
    expect(await printPrevention(wrapper)).toBe('Your sheet is printing')
    const [today] = await realBackend().services.usage.lastDays(1)
    expect(today?.prints).toEqual({ 'prevention/en': 1 })
  })

  it('gives a Spanish visitor the printer’s failure in Spanish', async () => {
    realBackend().shell.print.mockResolvedValue({ ok: false, reason: 'printer-failed' })
    const { wrapper } = await mountKiosk(SheetsView, { path: '/sheets' })
    useVisitStore().setLocale('es')
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('Hojas para llevar'))
    expect(await printPrevention(wrapper)).toBe('Lo sentimos, su hoja no se imprimió')
    expect(wrapper.get('[data-testid="print-failure"]').text()).toBe(
      'La impresora no pudo imprimir su hoja. Puede estar apagada, sin conexión o sin papel.',
    )
    expect(realBackend().shell.print).toHaveBeenCalledWith(
      { sheetId: 'prevention', locale: 'es' },
      expect.anything(),
    )
  })

  it('says the kiosk has printed all it may today, without reaching the printer', async () => {
    await writeFile(
      join(realBackend().dir, 'settings.json'),
      JSON.stringify({ dailyPrintLimit: 1 }),
    )
    await realBackend().api.printSheet({ sheetId: 'stretches', locale: 'en' })
    const { wrapper } = await mountKiosk(SheetsView, { path: '/sheets' })
    expect(await printPrevention(wrapper)).toBe('Sorry, your sheet did not print')
    expect(wrapper.get('[data-testid="print-failure"]').text()).toBe(
      'The kiosk has printed all the sheets it may print today. Please ask at the front desk.',
    )
    expect(realBackend().shell.print).toHaveBeenCalledTimes(1)
  })
})
