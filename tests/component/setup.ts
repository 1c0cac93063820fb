import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, vi } from 'vitest'
import type * as Platform from '@/platform'
import { useRealBackend } from './real-backend'

// Every component reaches the real backend on a temp folder, as the page reaches the web host.
vi.mock('@/platform', async (importOriginal) => {
  const platform = await importOriginal<typeof Platform>()
  const { realBackendTransport } = await import('./real-backend')
  return { ...platform, kiosk: platform.createKioskApi(realBackendTransport) }
})

useRealBackend()
// Registered after the backend's hooks, so components unmount before their backend stops.
enableAutoUnmount(afterEach)

afterEach(() => {
  window.localStorage.clear()
  document.documentElement.className = ''
  document.documentElement.removeAttribute('data-text-size')
})
