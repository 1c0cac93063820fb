import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Locale } from '@shared/content-schema'
import type { PrinterStatus, PrintFailureReason, PrintResult } from '@shared/contract'
import { kiosk } from '@/platform'
import { useActivityStore } from './useActivityStore'
import { useSettingsStore } from './useSettingsStore'

export type PrintStep = 'choose' | 'confirm' | 'sending' | 'done' | 'failed' | 'qr'

/** One visitor's printing: which sheet, how far along, and how many they have printed. */
export const usePrintStore = defineStore('print', () => {
  const step = ref<PrintStep>('choose')
  const sheetId = ref<string | null>(null)
  const printedThisVisit = ref(0)
  /** Why the last print failed, or null when nobody knows (the call itself failed). */
  const failureReason = ref<PrintFailureReason | null>(null)
  /**
   * What the kiosk's printer last said about itself; null until asked. Not returned, so it is
   * no part of the visit's state: it is the kiosk's, and a walk-away reset neither clears it
   * nor is undone by an answer that arrives after it.
   */
  const printer = ref<PrinterStatus | null>(null)
  const settings = useSettingsStore()
  const activity = useActivityStore()

  const printerDown = computed(() => printer.value?.state === 'down')

  const limitReached = computed(
    () => printedThisVisit.value >= settings.settings.perVisitPrintLimit,
  )

  function choose(id: string): void {
    if (limitReached.value) return
    sheetId.value = id
    step.value = 'confirm'
  }
  function cancel(): void {
    step.value = 'choose'
    sheetId.value = null
  }

  async function print(locale: Locale): Promise<PrintResult | null> {
    if (!sheetId.value || limitReached.value) return null
    step.value = 'sending'
    // The walk-away reset waits while the sheet is on its way to the printer.
    activity.begin('printing')
    try {
      const result = await kiosk.printSheet({ sheetId: sheetId.value, locale })
      if (result.ok) {
        // The backend allowed and counted it; in a browser the page prints its sheet itself.
        if (result.via === 'browser') window.print()
        printedThisVisit.value += 1
        step.value = 'done'
      } else {
        failureReason.value = result.reason
        step.value = 'failed'
      }
      return result
    } catch (error) {
      console.error('printing failed', error)
      failureReason.value = null
      step.value = 'failed'
      return null
    } finally {
      activity.end('printing')
    }
  }

  function showQr(): void {
    step.value = 'qr'
  }
  /** Instead of a print that would fail: the sheet as a QR code at once. */
  function showQrFor(id: string): void {
    sheetId.value = id
    step.value = 'qr'
  }

  async function checkPrinter(): Promise<void> {
    try {
      printer.value = await kiosk.getPrinterStatus()
    } catch (error) {
      // Not knowing is not "down": the visitor may still try, and is told if it fails.
      console.warn('printer status', error)
    }
  }

  return {
    step,
    sheetId,
    printedThisVisit,
    failureReason,
    limitReached,
    printerDown,
    checkPrinter,
    showQrFor,
    choose,
    cancel,
    print,
    showQr,
  }
})
