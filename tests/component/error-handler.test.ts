import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createRouter, createWebHashHistory } from 'vue-router'
import { installErrorHandler } from '@/error-handler'
import { realBackend } from './real-backend'

describe('renderer error handler', () => {
  it('reports a component error to the log and takes the visitor home instead of a blank screen', async () => {
    const Broken = defineComponent({
      setup() {
        throw new Error('content block exploded')
      },
    })
    const router = createRouter({
      history: createWebHashHistory(),
      routes: [
        { path: '/home', name: 'home', component: { render: () => h('h1', 'Choose a topic') } },
        { path: '/section/:id', name: 'section', component: Broken },
      ],
    })
    const Root = defineComponent({ render: () => h('main', [h(RouterViewStub)]) })
    const { RouterView: RouterViewStub } = await import('vue-router')
    const wrapper = mount(Root, {
      global: {
        plugins: [router, { install: (app) => installErrorHandler(app, router) }],
      },
    })
    await router.push('/section/what-is')
    await flushPromises()
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('home'))
    await flushPromises()
    expect(wrapper.text()).toContain('Choose a topic')
    await vi.waitFor(() =>
      expect(realBackend().log.lines).toContainEqual(
        expect.stringMatching(/^error: page error in vue setup function: content block exploded/),
      ),
    )
  })
})
