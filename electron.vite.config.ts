import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { devContentSecurityPolicy } from './scripts/dev-csp'
import { prerenderStartScreen } from './scripts/prerender-start-screen'
import pkg from './package.json'

const shared = resolve(import.meta.dirname, 'electron/shared')
const rendererRoot = resolve(import.meta.dirname, 'src')
const rendererAlias = { '@': rendererRoot, '@shared': shared }
const rendererDefine = { __APP_VERSION__: JSON.stringify(pkg.version) }

export default defineConfig({
  main: {
    resolve: { alias: { '@shared': shared } },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias: { '@shared': shared } },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // Sandboxed preloads are loaded with a CommonJS require shim; ES modules fail there.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: rendererRoot,
    base: './',
    publicDir: resolve(import.meta.dirname, 'src/public'),
    resolve: { alias: rendererAlias },
    plugins: [
      vue(),
      devContentSecurityPolicy(),
      prerenderStartScreen({ root: rendererRoot, alias: rendererAlias, define: rendererDefine }),
    ],
    define: rendererDefine,
    build: {
      // electron-vite leaves the renderer unminified by default; minified it starts faster.
      minify: true,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/index.html') } },
    },
  },
})
