import {
  createRouter,
  createWebHashHistory,
  type Router,
  type RouterHistory,
  type RouteRecordRaw,
} from 'vue-router'
import { loadStaffWords } from './i18n/staff-words'
import { useSetupStore } from './stores/useSetupStore'
import StartView from './views/StartView.vue'

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'start', component: StartView },
  {
    path: '/setup',
    name: 'setup',
    component: () => import('./views/SetupView.vue'),
    // No bar, no staff corner, no walk-away timer: IT or staff fill it in, not visitors.
    meta: { setup: true },
  },
  { path: '/home', name: 'home', component: () => import('./views/HomeView.vue') },
  {
    path: '/section/:id',
    name: 'section',
    component: () => import('./views/SectionView.vue'),
    props: true,
  },
  { path: '/about', name: 'about', component: () => import('./views/AboutView.vue') },
  { path: '/sheets', name: 'sheets', component: () => import('./views/SheetsView.vue') },
  {
    path: '/help-check',
    name: 'help-check',
    component: () => import('./views/HelpCheckView.vue'),
  },
  { path: '/stretches', name: 'stretches', component: () => import('./views/StretchesView.vue') },
  {
    path: '/stretches/:id',
    name: 'stretch',
    component: () => import('./views/GuidedStretchView.vue'),
    props: true,
  },
  {
    path: '/print/:id',
    name: 'print',
    component: () => import('./views/PrintSheetView.vue'),
    props: true,
    // A sheet alone on the page: no bar, no footer, no walk-away timer.
    meta: { bare: true },
  },
  {
    path: '/admin',
    name: 'admin',
    component: () => import('./views/staff/StaffGateView.vue'),
    meta: { staff: true },
  },
  ...(
    [
      ['settings', () => import('./views/staff/StaffSettingsView.vue')],
      ['content', () => import('./views/staff/StaffContentView.vue')],
      ['history', () => import('./views/staff/StaffHistoryView.vue')],
      ['usage', () => import('./views/staff/StaffUsageView.vue')],
      ['backup', () => import('./views/staff/StaffBackupView.vue')],
      ['fleet', () => import('./views/staff/StaffFleetView.vue')],
    ] as const
  ).map(([page, component]) => ({
    path: `/admin/${page}`,
    name: `staff-${page}`,
    component,
    meta: { staff: true, signedIn: true },
  })),
  {
    path: '/admin/content/:locale/:kind/:id',
    name: 'staff-edit',
    component: () => import('./views/staff/StaffEditView.vue'),
    props: true,
    meta: { staff: true, signedIn: true },
  },
  { path: '/:unknown(.*)*', redirect: { name: 'home' } },
]

/** History entries (by vue-router's position) that belong to the current visit. */
const visitEntries = new WeakMap<Router, Set<number>>()

const historyPosition = (): number | undefined => {
  const position: unknown = window.history.state?.position
  return typeof position === 'number' ? position : undefined
}

/**
 * Called when a visit ends: from now on Back and Forward only reach entries the next visitor
 * made, so the browser's history cannot reveal the last visitor's screens.
 */
export function sealVisitHistory(router: Router): void {
  const position = historyPosition()
  visitEntries.set(router, new Set(position === undefined ? [] : [position]))
}

/**
 * Hash history by default, so the same build works from file:// in Electron and from any web
 * server; the build-time render of the start screen passes memory history.
 */
export function createKioskRouter(history: RouterHistory = createWebHashHistory()) {
  const router = createRouter({ history, routes })
  // A kiosk that has never been set up serves no visitor: every screen leads to setup until
  // it is done. The build-time render of the start screen has no backend to ask.
  // Once it is done the check is synchronous, so later taps wait for nothing.
  router.beforeEach((to) => {
    if (import.meta.env.SSR) return
    const setup = useSetupStore()
    const lead = (needed: boolean) => {
      if (needed && to.name !== 'setup') return { name: 'setup', replace: true }
      if (!needed && to.name === 'setup') return { name: 'start', replace: true }
    }
    return setup.needed === false ? lead(false) : setup.check().then(lead)
  })
  // Staff and setup screens bring their words with them: visitors never load them.
  router.beforeEach(async (to) => {
    if (to.meta['staff'] === true || to.meta['setup'] === true) await loadStaffWords()
  })
  // Staff screens need a signed-in session; main refuses staff calls without one anyway,
  // so this only keeps anyone from seeing an empty staff screen by typing its address.
  router.beforeEach(async (to) => {
    if (to.meta['signedIn'] !== true) return
    const { useStaffStore } = await import('./stores/useStaffStore')
    const status = await useStaffStore().refresh()
    if (!status.signedIn) return { name: 'admin', replace: true }
  })
  // Until the first visit ends there is nothing to seal, and no browser history to read.
  router.beforeEach(() => {
    const allowed = visitEntries.get(router)
    if (!allowed) return
    const position = historyPosition()
    if (position !== undefined && !allowed.has(position)) return false
  })
  router.afterEach((_to, _from, failure) => {
    const allowed = visitEntries.get(router)
    // A refused navigation has already moved the browser's entry; it must not become allowed.
    if (failure || !allowed) return
    const position = historyPosition()
    if (position !== undefined) allowed.add(position)
  })
  return router
}
