import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { devContentSecurityPolicy } from './scripts/dev-csp'
import pkg from './package.json'

const shared = resolve(import.meta.dirname, 'electron/shared')

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
    root: resolve(import.meta.dirname, 'src'),
    base: './',
    publicDir: resolve(import.meta.dirname, 'src/public'),
    resolve: { alias: { '@': resolve(import.meta.dirname, 'src'), '@shared': shared } },
    plugins: [vue(), devContentSecurityPolicy()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      // electron-vite leaves the renderer unminified by default; minified it starts faster.
      minify: true,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/index.html') } },
    },
  },
})
