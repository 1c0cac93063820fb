import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { contentSecurityPolicyPlugin } from './scripts/content-security-policy-plugin'
import { prerenderStartScreen } from './scripts/prerender-start-screen'
import pkg from './package.json'

const shared = resolve(import.meta.dirname, 'electron/shared')
const rendererRoot = resolve(import.meta.dirname, 'src')
const rendererAlias = { '@': rendererRoot, '@shared': shared }
// The app uses only the Composition API and vue-i18n's composition mode: the rest is compiled
// out, which makes the start-up JS smaller and skips Vue's options handling per component.
const rendererDefine = {
  __APP_VERSION__: JSON.stringify(pkg.version),
  __VUE_I18N_LEGACY_API__: 'false',
  __VUE_I18N_FULL_INSTALL__: 'false',
}

export default defineConfig({
  main: {
    resolve: { alias: { '@shared': shared } },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // The same backend, served to a browser over HTTP: `npm run serve:web`.
          'web-host': resolve(import.meta.dirname, 'electron/web-host/cli.ts'),
        },
      },
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
      vue({ features: { optionsAPI: false } }),
      contentSecurityPolicyPlugin(),
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
