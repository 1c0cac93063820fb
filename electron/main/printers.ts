import type { Printer } from '../shared/contract'

/** The part of Electron's PrinterInfo staff mode uses; older Electron also had `isDefault`. */
export interface SystemPrinter {
  name: string
  displayName: string
}

/**
 * Electron dropped `isDefault` from PrinterInfo (Chromium stopped reporting it), so a
 * printer counts as the default only when the running Electron still says so.
 */
export function toPrinter(info: SystemPrinter): Printer {
  const { isDefault } = info as SystemPrinter & { isDefault?: unknown }
  return {
    name: info.name,
    displayName: info.displayName || info.name,
    isDefault: isDefault === true,
  }
}
