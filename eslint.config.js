import { builtinModules } from 'node:module'
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`])
/**
 * The layers of architecture.md, enforced: each folder may import only from the ones below it.
 * `names` are whole module names; `group` are path patterns.
 */
const layer = (files, { names = [], group = [] }, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: names.map((name) => ({ name, message })),
        patterns: group.length ? [{ group, message }] : [],
      },
    ],
  },
})

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error', 'log'] }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/no-v-html': 'error',
    },
  },
  layer(
    ['electron/shared/**'],
    {
      names: [...nodeBuiltins, 'electron', 'vue', 'vue-router', 'pinia'],
      group: ['../*', '!../shared/*', 'vue/*'],
    },
    'electron/shared is pure TypeScript for every process: no Node, Electron or Vue, and nothing from the layers above it.',
  ),
  layer(
    ['electron/backend/**', 'electron/web-host/**'],
    { names: ['electron', 'vue'], group: ['**/main/*', '**/src/*', 'vue/*'] },
    'The backend and the web host run in plain Node: no Electron, nothing from electron/main or the renderer.',
  ),
  layer(
    ['electron/services/**'],
    {
      names: ['electron', 'vue'],
      group: ['**/main/*', '**/src/*', 'vue/*', '**/backend/*', '**/web-host/*'],
    },
    'Services are plain Node at the bottom of the backend: no Electron, and they do not know the handlers, the transports or the renderer.',
  ),
  layer(
    ['src/**'],
    {
      names: [...nodeBuiltins, 'electron'],
      group: [
        '**/electron/main/*',
        '**/electron/services/*',
        '**/electron/backend/*',
        '**/electron/web-host/*',
        '**/electron/preload/*',
      ],
    },
    'The renderer reaches the backend only through src/platform; it shares only electron/shared.',
  ),
  {
    // Tests define small harness components next to the test that uses them.
    files: ['tests/**'],
    rules: { 'vue/one-component-per-file': 'off' },
  },
  prettier,
)
