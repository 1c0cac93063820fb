import { existsSync, readFileSync } from 'node:fs'
import { expect, test } from './fixtures'

// `npm test` builds before the e2e run; these check the layout Electron will load.
test('the build writes the main process, a CommonJS preload and the renderer page', () => {
  expect(existsSync('out/main/index.js')).toBe(true)
  expect(existsSync('out/renderer/index.html')).toBe(true)
  expect(existsSync('out/renderer/offline.html')).toBe(true)
  const preload = readFileSync('out/preload/index.cjs', 'utf8')
  expect(preload).toMatch(/require\("electron"\)/)
  expect(preload).not.toMatch(/^\s*(import|export)\s/m)
})

test('package.json starts Electron from the built main process', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string }
  expect(pkg.main).toBe('out/main/index.js')
})
