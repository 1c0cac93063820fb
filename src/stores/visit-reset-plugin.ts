import type { PiniaPluginContext, StateTree } from 'pinia'

/** Stores that hold the clinic's data, not the visitor's: a walk-away reset keeps them. */
const clinicStoreIds = new Set(['settings', 'content', 'staff'])

declare module 'pinia' {
  export interface PiniaCustomProperties {
    /** Puts the store back to the state it was created with. */
    $reset(): void
  }
}

const visitStores = new Set<{ $id: string; $reset(): void }>()

/**
 * Gives setup stores a `$reset` (option stores have one built in) by remembering each store's
 * state at creation, and keeps a list of the visitor's stores for the walk-away reset.
 */
export function visitResetPlugin({ store }: PiniaPluginContext): void {
  const initial = JSON.stringify(store.$state)
  store.$reset = () => {
    store.$patch((state: StateTree) => {
      Object.assign(state, JSON.parse(initial) as StateTree)
    })
  }
  if (!clinicStoreIds.has(store.$id)) visitStores.add(store)
}

/** Every visitor store back to its initial state. */
export function resetVisitStores(): void {
  for (const store of visitStores) store.$reset()
}
