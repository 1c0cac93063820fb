import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  answerAppRequest,
  appFileFor,
  registerAppScheme,
  serveAppScheme,
} from '../../../electron/main/app-protocol'
import { contentSecurityPolicy } from '../../../electron/shared/content-security-policy'
import { app, protocol, resetFakeElectron } from '../../mocks/electron'
import { useTempFolder } from '../temp-folder'

const folder = useTempFolder('kiosk-renderer-')

beforeEach(async () => {
  resetFakeElectron()
  await mkdir(join(folder(), 'assets'), { recursive: true })
  await writeFile(join(folder(), 'index.html'), '<!doctype html><title>kiosk</title>')
  await writeFile(join(folder(), 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(folder(), '..', 'secret.txt'), 'not for the page')
})

describe('the app:// scheme', () => {
  it('is registered before ready as standard and secure, and served after ready', async () => {
    registerAppScheme(protocol as never)
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(() => serveAppScheme(protocol as never, folder())).toThrow(/after app ready/)
    await app.whenReady()
    serveAppScheme(protocol as never, folder())
    const response = await protocol.handlers.get('app')!(new Request('app://kiosk/index.html'))
    expect(await response.text()).toContain('<title>kiosk</title>')
  })

  it('maps its own URLs to files in the renderer folder, the bare origin to index.html', () => {
    expect(appFileFor('app://kiosk/index.html#/home', folder())).toBe(join(folder(), 'index.html'))
    expect(appFileFor('app://kiosk/', folder())).toBe(join(folder(), 'index.html'))
    expect(appFileFor('app://kiosk/assets/app.js?v=1', folder())).toBe(
      join(folder(), 'assets', 'app.js'),
    )
  })

  it('keeps dot-segments inside the folder: the URL parser folds them into the origin root', () => {
    for (const url of [
      'app://kiosk/../secret.txt',
      'app://kiosk/assets/%2e%2e/%2e%2e/secret.txt',
    ]) {
      expect(appFileFor(url, folder()), url).toBe(join(folder(), 'secret.txt'))
    }
  })

  it.each([
    'app://kiosk/assets/..%2F..%2Fsecret.txt',
    'app://kiosk/..%5Csecret.txt',
    'app://kiosk/assets%5C..%5C..%5Csecret.txt',
    'app://kiosk/%00index.html',
    'app://kiosk/%E0%A4%A',
    'app://other/index.html',
    'app://user:pass@kiosk/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s without throwing', (url) => {
    expect(appFileFor(url, folder())).toBeNull()
  })

  it('answers with the type and the same security headers as the web host', async () => {
    const response = await answerAppRequest(new Request('app://kiosk/assets/app.js'), folder())
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript')
    expect(response.headers.get('content-security-policy')).toContain(contentSecurityPolicy)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe('console.log(1)')
  })

  it('answers 404 for files that are not there or not allowed, and 405 for other methods', async () => {
    for (const url of [
      'app://kiosk/missing.js',
      'app://kiosk/%2e%2e/secret.txt',
      'app://kiosk/assets',
    ]) {
      const response = await answerAppRequest(new Request(url), folder())
      expect(response.status, url).toBe(404)
      expect(await response.text()).not.toContain('not for the page')
    }
    const post = await answerAppRequest(
      new Request('app://kiosk/index.html', { method: 'POST', body: 'x' }),
      folder(),
    )
    expect(post.status).toBe(405)
  })
})
