/** The logging surface the main-process glue needs; electron-log provides it in the app. */
export interface Logger {
  info(...params: unknown[]): void
  warn(...params: unknown[]): void
  error(...params: unknown[]): void
}
