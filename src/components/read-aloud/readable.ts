import type { InjectionKey } from 'vue'

/**
 * Whether the text inside is part of the screen a visitor hears read aloud: false inside a
 * printed sheet and its preview, and inside the hidden copy a topic measures its pages with.
 */
export const readableKey: InjectionKey<boolean> = Symbol('readable')
