import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { createContentStore } from '../../../electron/services/content-store'
import { blockTexts } from '../../../electron/shared/block-text'
import type { Block, ContentDocument, Locale, LocaleContent } from '../../../electron/shared/content-schema'

/**
 * The brief's must-have facts and forbidden claims, checked in both languages. Each fact is a
 * set of patterns that must all match the named document's text (case-insensitive).
 */

const textOf = (doc: ContentDocument) => [doc.title, doc.summary, ...doc.blocks.flatMap((block) => blockTexts(block, { titles: true }))].join('\n')
const calloutItems = (doc: ContentDocument, tone: string) =>
  doc.blocks
    .filter((b): b is Extract<Block, { kind: 'callout' }> => b.kind === 'callout' && b.tone === tone)
    .flatMap((b) => [b.title, b.text ?? '', ...(b.items ?? [])])
    .join('\n')

type Facts = Record<string, RegExp[]>

const emergencyFlags: Record<Locale, Facts> = {
  en: {
    'saddle numbness': [/numb/i, /genitals|buttocks/i],
    'bladder or bowel': [/urine|bladder/i, /bowel/i],
    'weakness in both legs, or getting worse': [/both (of your )?legs/i, /weak/i, /worse/i],
    'serious accident or fall': [/accident|fall/i],
    'chest pain': [/chest pain/i],
    'call the emergency number': [/\{emergencyNumber\}/, /emergency department/i],
  },
  es: {
    'saddle numbness': [/dormid/i, /genitales|nalgas/i],
    'bladder or bowel': [/orin/i, /heces/i],
    'weakness in both legs, or getting worse': [/dos piernas/i, /débil/i, /empeora/i],
    'serious accident or fall': [/accidente|caída/i],
    'chest pain': [/dolor en el pecho/i],
    'call the emergency number': [/\{emergencyNumber\}/, /emergencias/i],
  },
}

const soonFlags: Record<Locale, Facts> = {
  en: {
    fever: [/fever/i],
    'weight loss': [/weight/i],
    cancer: [/cancer/i],
    age: [/over 50/i, /under 20/i],
    'osteoporosis or steroids': [/osteoporosis/i, /steroid/i],
    'weak immune system or injecting drugs': [/immune/i, /inject/i],
    'worse at night or at rest': [/night/i, /rest/i],
    'pain below the knee': [/below the knee/i],
    'numbness or tingling in a leg': [/tingling/i],
  },
  es: {
    fever: [/fiebre/i],
    'weight loss': [/peso/i],
    cancer: [/cáncer/i],
    age: [/más de 50/i, /menos de 20/i],
    'osteoporosis or steroids': [/osteoporosis/i, /esteroides/i],
    'weak immune system or injecting drugs': [/defensas/i, /inyect/i],
    'worse at night or at rest': [/noche/i, /descans/i],
    'pain below the knee': [/rodilla/i],
    'numbness or tingling in a leg': [/hormigueo/i],
  },
}

const visitFlags: Record<Locale, Facts> = {
  en: {
    'not better after 1 to 2 weeks': [/1 to 2 weeks/i],
    'getting worse': [/worse/i],
    'keeps coming back': [/coming back/i],
    'stops work or sleep': [/work/i, /sleep/i],
  },
  es: {
    'not better after 1 to 2 weeks': [/1 o 2 semanas/i],
    'getting worse': [/empeora/i],
    'keeps coming back': [/vuelve/i],
    'stops work or sleep': [/trabajar/i, /dormir/i],
  },
}

const treatmentFacts: Record<Locale, Facts> = {
  en: {
    'stay active': [/active/i],
    'bed rest slows recovery': [/bed/i, /slow/i],
    'heat has the best evidence': [/heat has the best/i],
    'cold is fine too': [/cold is fine/i],
    'cloth between skin and ice': [/cloth between your skin/i],
    '15 to 20 minutes': [/15 to 20 minutes/i],
    'never sleep on a heating pad': [/never .*sleep on a heating pad/i],
    'NSAIDs may help a little': [/ibuprofen/i, /naproxen/i, /help a little/i],
    'lowest dose, shortest time, the label': [/lowest dose/i, /shortest time/i, /label/i],
    'ask first with health problems': [/stomach/i, /kidney/i, /heart/i, /blood thinners/i, /pregnant/i, /older/i],
    'acetaminophen alone helps little': [/acetaminophen|paracetamol/i, /does not help .*much/i],
    'muscle relaxants: drowsy, do not drive': [/muscle relaxant/i, /sleepy/i, /dizzy/i, /do not drive/i],
    'scans are rarely needed': [/do not need a scan/i],
  },
  es: {
    'stay active': [/activo/i],
    'bed rest slows recovery': [/cama/i, /tarde más/i],
    'heat has the best evidence': [/calor es lo que mejor/i],
    'cold is fine too': [/frío también/i],
    'cloth between skin and ice': [/paño entre la piel/i],
    '15 to 20 minutes': [/15 a 20 minutos/i],
    'never sleep on a heating pad': [/nunca duerma sobre una almohadilla/i],
    'NSAIDs may help a little': [/ibuprofeno/i, /naproxeno/i, /ayudar un poco/i],
    'lowest dose, shortest time, the label': [/dosis más baja/i, /poco tiempo/i, /etiqueta/i],
    'ask first with health problems': [/estómago/i, /riñón/i, /corazón/i, /sangre/i, /embarazada/i, /mayor/i],
    'acetaminophen alone helps little': [/acetaminofén|paracetamol/i, /no le ayudará mucho/i],
    'muscle relaxants: drowsy, do not drive': [/relajante muscular/i, /sueño/i, /mareo/i, /no maneje/i],
    'scans are rarely needed': [/nadie necesita radiografías/i],
  },
}

/** Claims the brief forbids, in any document of either language. */
const forbidden: [string, RegExp][] = [
  ['the "ice for 48-72 hours, then heat" rule', /(48|72)\s*(hours|horas)/i],
  ['bed rest as a treatment', /(stay|rest) in bed (for|until)|guarde cama/i],
  ['stronger prescription medicine as the first step', /(stronger|opioid|opiate|opioide)/i],
  ['dehydration or minerals as a proven cause', /(dehydration|magnesium|potassium|deshidrata|magnesio|potasio)[^.]*(causes|proven|causa|probad[oa])(?![^.]*(not|no está))/i],
  ['a hard-coded emergency number', /\b(911|112|999)\b/],
]

const store = createContentStore({ contentDir: fileURLToPath(new URL('../../../content', import.meta.url)) })
const content = {} as Record<Locale, LocaleContent>
beforeAll(async () => {
  for (const locale of ['en', 'es'] as const) content[locale] = (await store.load(locale)).content
})
const section = (locale: Locale, id: string) => {
  const doc = content[locale].sections.find((s) => s.id === id)
  if (!doc) throw new Error(`missing section ${id} in ${locale}`)
  return doc
}
const sheet = (locale: Locale, id: string) => {
  const doc = content[locale].sheets.find((s) => s.id === id)
  if (!doc) throw new Error(`missing sheet ${id} in ${locale}`)
  return doc
}
const expectFacts = (text: string, facts: Facts) => {
  for (const [fact, patterns] of Object.entries(facts))
    for (const pattern of patterns) expect(text, `${fact}: ${pattern}`).toMatch(pattern)
}

describe.each(['en', 'es'] as const)('medical facts in %s', (locale) => {
  it('"When to get help" lists every red flag in its own tier', () => {
    const doc = section(locale, 'get-help')
    expectFacts(calloutItems(doc, 'emergency'), emergencyFlags[locale])
    expectFacts(calloutItems(doc, 'warning'), soonFlags[locale])
    expectFacts(calloutItems(doc, 'info'), visitFlags[locale])
  })

  it('the home-care sheet carries all three tiers too', () => {
    const doc = sheet(locale, 'home-care')
    expectFacts(calloutItems(doc, 'emergency'), emergencyFlags[locale])
    expectFacts(calloutItems(doc, 'warning'), soonFlags[locale])
    expectFacts(calloutItems(doc, 'info'), visitFlags[locale])
  })

  it('treatment covers staying active, heat and cold, and every medicine caution', () => {
    expectFacts(textOf(section(locale, 'treatment')), treatmentFacts[locale])
  })

  it('shows the disclaimer: general information, not a diagnosis', () => {
    expect(content[locale].site.disclaimer).toMatch(locale === 'en' ? /not a diagnosis/i : /no (es )?un diagnóstico/i)
  })

  it('has at least six questions and answers', () => {
    const qa = section(locale, 'questions').blocks.find((b) => b.kind === 'qa')
    expect(qa?.kind === 'qa' && qa.pairs.length).toBeGreaterThanOrEqual(6)
  })

  it('the stretches sheet has the six stretches, each with a drawing, and says to stop if it hurts', () => {
    const doc = sheet(locale, 'stretches')
    const stretches = doc.blocks.filter((b) => b.kind === 'stretch')
    expect(stretches.map((s) => s.id)).toEqual(['knee-to-chest', 'cat-cow', 'childs-pose', 'pelvic-tilt', 'knee-rolls', 'bridge'])
    expect(calloutItems(doc, 'warning')).toMatch(locale === 'en' ? /stop/i : /pare/i)
  })

  it.each(forbidden)('never states %s', (_claim, pattern) => {
    const all = [...content[locale].sections, ...content[locale].sheets, content[locale].about]
    for (const doc of all) expect(textOf(doc), `${doc.id}`).not.toMatch(pattern)
    const help = content[locale].helpCheck
    const helpText = [help.intro, ...help.questions.map((q) => q.text), ...Object.values(help.outcomes).flatMap((o) => [o.title, o.action, ...o.items])].join('\n')
    expect(helpText).not.toMatch(pattern)
  })
})
