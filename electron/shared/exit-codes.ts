/**
 * How the kiosk's processes end, for whatever supervises them (systemd, Windows Shell
 * Launcher). docs/systemd/back-spasm-kiosk.service lists `staffExit` in
 * RestartPreventExitStatus=, so Exit in staff mode stays closed and everything else restarts.
 */
export const exitCodes = {
  ok: 0,
  failed: 1,
  /** A command line or an IT command's input was wrong; nothing was changed. */
  badInput: 2,
  /** Staff chose Exit: a supervisor must not start the kiosk again. */
  staffExit: 10,
  /** Staff chose Restart under a supervisor: it starts the kiosk again. */
  staffRestart: 11,
} as const
