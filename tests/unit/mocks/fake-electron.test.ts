import { beforeEach, describe, expect, it } from 'vitest'
import {
  app,
  BrowserWindow,
  contextBridge,
  FakeWebContents,
  protocol,
  resetFakeElectron,
} from '../../mocks/electron'

/**
 * The fake is only worth its tests if it is as unkind as Electron 45 where that matters. Each
 * behaviour here is Electron's, with where it is stated.
 */
beforeEach(resetFakeElectron)

describe('the fake electron, as unkind as the real one', () => {
  it("rejects loadURL after 'did-fail-load' with Electron's error (lib/browser/api/web-contents.ts)", async () => {
    FakeWebContents.loadFailure = () => ({ errorCode: -6, errorDescription: 'ERR_FILE_NOT_FOUND' })
    const contents = new BrowserWindow({}).webContents
    const failed: unknown[] = []
    contents.on('did-fail-load', (_event, code, description) => failed.push([code, description]))
    await expect(contents.loadURL('https://example.com/x')).rejects.toMatchObject({
      message: "ERR_FILE_NOT_FOUND (-6) loading 'https://example.com/x'",
      code: 'ERR_FILE_NOT_FOUND',
      errno: -6,
    })
    expect(failed).toEqual([[-6, 'ERR_FILE_NOT_FOUND']])
  })

  it('fails to load app:// until protocol.handle serves it, which works only after ready', async () => {
    const contents = new BrowserWindow({}).webContents
    await expect(contents.loadURL('app://kiosk/index.html')).rejects.toMatchObject({
      code: 'ERR_UNKNOWN_URL_SCHEME',
    })
    expect(() => protocol.handle('app', () => new Response(''))).toThrow(/after app ready/)
    await app.whenReady()
    expect(() => protocol.registerSchemesAsPrivileged([])).toThrow(/before app ready/)
    protocol.handle('app', () => new Response(''))
    await expect(contents.loadURL('app://kiosk/index.html')).resolves.toBeUndefined()
  })

  it("does not await a promise from a 'before-quit' listener: only preventDefault holds the quit", async () => {
    let saved = false
    app.on('before-quit', async () => {
      await new Promise((next) => setTimeout(next, 10))
      saved = true
    })
    app.quit()
    expect(app.exitCode).toBe(0)
    expect(saved).toBe(false)
  })

  it("cancels a quit when a window's close is prevented; app.exit asks nobody (docs/api/app.md)", () => {
    const win = new BrowserWindow({})
    const events: string[] = []
    win.on('close', (event: { preventDefault(): void }) => event.preventDefault())
    app.on('before-quit', () => events.push('before-quit'))
    app.on('will-quit', () => events.push('will-quit'))
    app.quit()
    expect(app.exitCode).toBeNull()
    expect(events).toEqual(['before-quit'])
    app.exit(10)
    expect(app.exitCode).toBe(10)
    expect(win.isDestroyed()).toBe(true)
    expect(events).toEqual(['before-quit'])
  })

  it('passes the navigation URL on the event only, as the positional one is deprecated', () => {
    const contents = new BrowserWindow({}).webContents
    const seen: unknown[] = []
    contents.on('will-navigate', (event: { url: string }, url: unknown) =>
      seen.push(event.url, url),
    )
    contents.navigate('will-navigate', 'app://kiosk/index.html')
    expect(seen).toEqual(['app://kiosk/index.html', undefined])
  })

  it("throws on a load from inside 'render-process-gone' (electron/electron#19887), and reports a forced crash later", async () => {
    const contents = new BrowserWindow({}).webContents
    contents.on('render-process-gone', () => void contents.loadURL('app://kiosk/index.html'))
    expect(() => contents.reportGone({ reason: 'crashed', exitCode: 139 })).toThrow(/#19887/)
    const reasons: string[] = []
    contents.removeAllListeners('render-process-gone')
    contents.on('render-process-gone', (_event, details: { reason: string }) =>
      reasons.push(details.reason),
    )
    contents.forcefullyCrashRenderer()
    expect(reasons).toEqual([])
    await new Promise((next) => setTimeout(next, 0))
    expect(reasons).toEqual(['killed'])
  })

  it('records a command-line switch added after ready as too late', async () => {
    app.commandLine.appendSwitch('enable-speech-dispatcher')
    await app.whenReady()
    app.commandLine.appendSwitch('lang', 'es')
    expect(app.commandLine.tooLate).toEqual(['lang'])
  })

  it('shows a kiosk window at once on Linux (electron/electron#25916), not elsewhere', () => {
    expect(new BrowserWindow({ kiosk: true, show: false }).shown).toBe(true)
    BrowserWindow.platform = 'win32'
    expect(new BrowserWindow({ kiosk: true, show: false }).shown).toBe(false)
  })

  it('gives every window the one default session, and answers a print later, never at once', async () => {
    const [a, b] = [new BrowserWindow({}), new BrowserWindow({})]
    expect(a.webContents.session).toBe(b.webContents.session)
    let answered = false
    a.webContents.print({}, () => (answered = true))
    expect(answered).toBe(false)
    await new Promise((next) => setTimeout(next, 0))
    expect(answered).toBe(true)
  })

  it('copies across the context bridge, so a proxy cannot cross (electron/electron#39598)', async () => {
    contextBridge.exposeInMainWorld('api', { echo: async (value: unknown) => value })
    const api = contextBridge.exposed.get('api') as { echo: (value: unknown) => Promise<unknown> }
    const original = { pin: '1' }
    expect(await api.echo(original)).not.toBe(original)
    expect(() => api.echo(new Proxy({ pin: '1' }, {}))).toThrow(/could not be cloned/)
  })
})
