/** The logging surface the backend and the shells need: electron-log in the app, the console in the web host. */
export interface Logger {
  info(...params: unknown[]): void
  warn(...params: unknown[]): void
  error(...params: unknown[]): void
}
