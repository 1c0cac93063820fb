import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import StartView from './views/StartView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'start', component: StartView },
  { path: '/home', name: 'home', component: () => import('./views/HomeView.vue') },
  {
    path: '/section/:id',
    name: 'section',
    component: () => import('./views/SectionView.vue'),
    props: true,
  },
  { path: '/:unknown(.*)*', redirect: { name: 'home' } },
]

/** Hash history, so the same build works from file:// in Electron and from any web server. */
export function createKioskRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
