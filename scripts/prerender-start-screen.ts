import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { createServer, type AliasOptions, type Plugin } from 'vite'
import { createContentStore } from '../electron/services/content-store'
import type { LocaleContent } from '../electron/shared/content-schema'
import { defaultSettings } from '../electron/shared/settings-defaults'

const placeholder = '<div id="app"></div>'

/**
 * Writes the start screen's markup into the built index.html, so the first paint and the
 * "Touch to start" control do not wait for the app's JavaScript. The app itself renders the
 * markup (src/start/render-start-screen.ts) through Vite's server-side module loader, so it
 * cannot drift from what the app shows; the app then mounts over it.
 * A missing or broken content folder stops the build with the content store's reasons.
 */
export function prerenderStartScreen(options: {
  root: string
  alias: AliasOptions
  define: Record<string, string>
}): Plugin {
  return {
    name: 'kiosk-prerender-start-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(placeholder)) throw new Error(`index.html has no ${placeholder}`)
        const server = await createServer({
          configFile: false,
          root: options.root,
          mode: 'production',
          logLevel: 'warn',
          resolve: { alias: options.alias },
          define: options.define,
          plugins: [vue()],
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, watch: null },
        })
        try {
          const entry = await server.ssrLoadModule('/start/render-start-screen.ts')
          const render = entry['renderStartScreen'] as (content: LocaleContent) => Promise<string>
          // The same content store the backend uses: the page itself never parses content.
          const store = createContentStore({ contentDir: resolve(options.root, '../content') })
          const { content } = await store.load(defaultSettings.defaultLocale)
          return html.replace(placeholder, `<div id="app">${await render(content)}</div>`)
        } finally {
          await server.close()
        }
      },
    },
  }
}
