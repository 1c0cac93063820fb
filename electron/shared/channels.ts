/**
 * IPC channel names, kept free of zod so the sandboxed preload bundle stays tiny.
 * contract.ts pairs each name with its schemas.
 */
export const channels = {
  getContent: 'content:get',
  getSettings: 'settings:get',
  getAppInfo: 'app:get-info',
  heartbeat: 'visit:heartbeat',
  endVisit: 'visit:end',
  printSheet: 'print:sheet',
  getPrinterStatus: 'print:printer-status',
  recordUsage: 'usage:record',
  reportError: 'app:report-error',
  getSetupStatus: 'setup:status',
  completeSetup: 'setup:complete',
  setupListPrinters: 'setup:list-printers',
  staffStatus: 'staff:status',
  staffSignIn: 'staff:sign-in',
  staffSignOut: 'staff:sign-out',
  staffChangePin: 'staff:change-pin',
  staffSaveSettings: 'staff:save-settings',
  staffListPrinters: 'staff:list-printers',
  staffTestPrint: 'staff:test-print',
  staffSaveDocument: 'staff:save-document',
  staffResetDocument: 'staff:reset-document',
  staffHistory: 'staff:history',
  staffRestore: 'staff:restore',
  staffExportBackup: 'staff:export-backup',
  staffImportBackup: 'staff:import-backup',
  staffUsage: 'staff:usage',
  staffAudit: 'staff:audit',
  staffProblems: 'staff:problems',
  startScreenShown: 'fleet:start-screen-shown',
  staffFleetStatus: 'staff:fleet-status',
  staffFleetCheckNow: 'staff:fleet-check-now',
  staffExit: 'staff:exit',
  staffRestart: 'staff:restart',
} as const

export type ApiMethod = keyof typeof channels
export const apiMethods = Object.keys(channels) as ApiMethod[]
