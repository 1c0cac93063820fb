import type { Printer } from '../shared/contract'

/** The part of Electron's PrinterInfo staff mode uses (Electron 45 has no `isDefault`). */
export interface SystemPrinter {
  name: string
  displayName: string
}

export function toPrinter(info: SystemPrinter): Printer {
  return { name: info.name, displayName: info.displayName || info.name }
}
