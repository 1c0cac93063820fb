import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { createContentStore } from '../../../electron/services/content-store'
import { blockTexts } from '../../../electron/shared/block-text'
import type {
  Block,
  ContentDocument,
  Locale,
  LocaleContent,
} from '../../../electron/shared/content-schema'
import { helpQuestionRules } from '../../../electron/shared/help-check-rules'

/**
 * The clinical content a reviewer signed off, checked in both languages: every warning sign in
 * each of its three places, every medicine and heat caution, the stretch safety rules, the new
 * sections, and the claims that must never be made. A fact is one or more "units" (a list item,
 * a paragraph, a callout's text, a question): each unit pattern must match one single unit, so
 * "both legs" and "weak" have to be said together, not somewhere on the page.
 */

type Patterns = Record<Locale, RegExp[][]>

const store = createContentStore({
  contentDir: fileURLToPath(new URL('../../../content', import.meta.url)),
})
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
type Callout = Extract<Block, { kind: 'callout' }>
const calloutUnits = (doc: ContentDocument, tone: Callout['tone']) =>
  doc.blocks
    .filter((b): b is Callout => b.kind === 'callout' && b.tone === tone)
    .flatMap((b) => [b.title, ...(b.text ? [b.text] : []), ...(b.items ?? [])])
const unitsOf = (doc: ContentDocument) => [
  doc.title,
  doc.summary,
  ...doc.blocks.flatMap((block) => blockTexts(block, { titles: true })),
]

/** Fails with the fact's name when no single unit says all of one line of patterns. */
function expectSaid(units: readonly string[], fact: string, lines: RegExp[][]): void {
  for (const patterns of lines) {
    const found = units.some((unit) => patterns.every((pattern) => pattern.test(unit)))
    expect(found, `${fact}: no single text says ${patterns.join(' + ')}`).toBe(true)
  }
}

// ---- §1 Warning signs ----

interface Sign {
  name: string
  /** How the sign is said on screen and on the home-care sheet. */
  said: Patterns
  /** The help check questions that ask it, with how each is worded. */
  asked: Record<string, Record<Locale, RegExp[]>>
}

const emergencySigns: Sign[] = [
  {
    name: 'numbness or tingling in the saddle area',
    said: {
      en: [[/numb/i, /tingl/i, /genitals/i, /back passage/i, /buttocks/i, /inner thighs/i]],
      es: [[/adormec/i, /hormigueo/i, /genitales/i, /\bano\b/i, /nalgas/i, /muslos/i]],
    },
    asked: {
      'saddle-feeling': {
        en: [/numb/i, /tingl/i, /genitals/i, /back passage/i, /buttocks/i, /inner thighs/i],
        es: [/adormec/i, /hormigueo/i, /genitales/i, /\bano\b/i, /nalgas/i, /muslos/i],
      },
    },
  },
  {
    name: 'a change in feeling when wiping',
    said: { en: [[/wip/i, /numb|different/i]], es: [[/limpi/i, /dormida|diferente/i]] },
    asked: { 'wiping-feeling': { en: [/wipe/i, /numb|different/i], es: [/limpia/i, /dormida/i] } },
  },
  {
    name: 'new trouble passing urine',
    said: { en: [[/new trouble peeing/i]], es: [[/problemas nuevos para orinar/i]] },
    asked: {
      'passing-urine': { en: [/new trouble passing urine/i], es: [/problemas nuevos para orinar/i] },
    },
  },
  {
    name: 'not feeling when the bladder is full',
    said: { en: [[/bladder is full/i]], es: [[/vejiga llena/i]] },
    asked: { 'bladder-full': { en: [/bladder is full/i], es: [/vejiga llena/i] } },
  },
  {
    name: 'leaking urine',
    said: { en: [[/leak/i, /urine/i]], es: [[/orina/i, /sin querer/i]] },
    asked: { 'urine-leak': { en: [/leak urine/i], es: [/orina sin querer/i] } },
  },
  {
    name: 'loss of bowel control',
    said: { en: [[/bowel/i, /control/i]], es: [[/control de las heces/i]] },
    asked: { 'bowel-control': { en: [/lost control of your bowels/i], es: [/control del intestino/i] } },
  },
  {
    name: 'new problems getting or keeping an erection',
    said: { en: [[/new problems/i, /erection/i]], es: [[/problemas nuevos/i, /erección/i]] },
    asked: { erection: { en: [/getting or keeping an erection/i], es: [/tener o mantener una erección/i] } },
  },
  {
    name: 'loss of feeling in the genitals during sex',
    said: { en: [[/feeling/i, /genitals/i, /sex/i]], es: [[/sensibilidad/i, /genital/i, /sex/i]] },
    asked: { 'sex-feeling': { en: [/lost feeling/i, /sex/i], es: [/sensibilidad/i, /sexual/i] } },
  },
  {
    name: 'pain, numbness or weakness in both legs',
    said: {
      en: [[/both legs/i, /pain/i, /numb/i, /weak/i]],
      es: [[/dos piernas/i, /dolor/i, /debilidad/i, /adormec/i]],
    },
    asked: {
      'both-legs': {
        en: [/both legs/i, /pain/i, /numb/i, /weak/i],
        es: [/dos piernas/i, /dolor/i, /debilidad/i, /adormec/i],
      },
    },
  },
  {
    name: 'new weakness in one leg, even if not getting worse',
    said: {
      en: [[/new weakness in one leg/i, /even if (it is )?not getting worse/i]],
      es: [[/debilidad nueva en una pierna/i, /aunque no (esté empeorando|empeore)/i]],
    },
    asked: {
      'one-leg-weak': {
        en: [/one of your legs weak/i, /new/i, /even if it is not getting worse/i],
        es: [/una pierna débil/i, /nuevo/i, /aunque no esté empeorando/i],
      },
    },
  },
  {
    name: 'a foot that drags',
    said: { en: [[/foot that drags/i]], es: [[/pie que se arrastra/i]] },
    asked: { 'foot-drag': { en: [/feet drag/i], es: [/arrastra un pie/i] } },
  },
  {
    name: 'back pain after a serious accident or fall',
    said: { en: [[/serious accident or fall/i]], es: [[/accidente o una caída fuerte/i]] },
    asked: {
      'serious-injury': { en: [/serious accident or fall/i], es: [/accidente o una caída fuerte/i] },
    },
  },
  {
    name: 'chest pain',
    said: { en: [[/chest pain/i]], es: [[/dolor en el pecho/i]] },
    asked: { 'chest-pain': { en: [/chest pain/i], es: [/dolor en el pecho/i] } },
  },
  {
    name: 'sudden severe back or belly pain with feeling faint or sweaty',
    said: {
      en: [[/sudden/i, /very bad/i, /back or belly/i, /faint/i, /sweaty/i]],
      es: [[/repent/i, /muy fuerte/i, /barriga/i, /desmay/i, /sud/i]],
    },
    asked: {
      'faint-sweaty': {
        en: [/sudden/i, /very bad/i, /back or belly/i, /faint/i, /sweaty/i],
        es: [/de repente/i, /muy fuerte/i, /barriga/i, /desmayar/i, /sudando/i],
      },
    },
  },
]

const todaySigns: Sign[] = [
  {
    name: 'fever',
    said: { en: [[/fever/i]], es: [[/fiebre/i]] },
    asked: { fever: { en: [/fever/i], es: [/fiebre/i] } },
  },
  {
    name: 'a fever with an infection risk is urgent, the same day',
    said: {
      en: [[/fever/i, /immune/i, /inject/i, /infection/i, /spine procedure/i, /now/i]],
      es: [[/fiebre/i, /defensas/i, /inyect/i, /infección/i, /procedimiento/i, /ahora/i]],
    },
    asked: {
      'recent-infection': { en: [/infection/i], es: [/infección/i] },
      'spine-procedure': { en: [/procedure on your spine/i], es: [/procedimiento en la columna/i] },
    },
  },
  {
    name: 'unexplained weight loss',
    said: { en: [[/weight/i, /without trying/i]], es: [[/bajado de peso|bajó de peso/i, /sin tratar/i]] },
    asked: { 'weight-loss': { en: [/lost weight without trying/i], es: [/bajado de peso sin tratar/i] } },
  },
  {
    name: 'cancer now or in the past',
    said: { en: [[/cancer now,? or/i, /past/i]], es: [[/cáncer ahora/i, /pasado/i]] },
    asked: { cancer: { en: [/ever had cancer/i], es: [/cáncer alguna vez/i] } },
  },
  {
    name: 'a first episode of back pain at 50 or older, or under 20',
    said: { en: [[/first back pain/i, /50 or older/i, /20/i]], es: [[/primer dolor de espalda/i, /50 años o más/i, /20/i]] },
    asked: {
      'first-episode': { en: [/first time/i], es: [/primera vez/i] },
      'age-50': { en: [/50 or older/i], es: [/50 años o más/i] },
      'under-20': { en: [/younger than 20/i], es: [/menos de 20/i] },
    },
  },
  {
    name: 'pain unlike any before',
    said: { en: [[/(unlike|different from) any back pain/i]], es: [[/distinto a (todos|cualquier)/i]] },
    asked: { 'unlike-before': { en: [/different from any back pain/i], es: [/distinto a cualquier dolor/i] } },
  },
  {
    name: 'osteoporosis',
    said: { en: [[/osteoporosis/i]], es: [[/osteoporosis/i]] },
    asked: { osteoporosis: { en: [/osteoporosis/i], es: [/osteoporosis/i] } },
  },
  {
    name: 'long-term steroid tablets such as prednisone',
    said: {
      en: [[/steroid tablets/i, /prednisone/i, /long time/i]],
      es: [[/esteroides/i, /prednisona/i, /mucho tiempo/i]],
    },
    asked: {
      steroids: { en: [/steroid tablets/i, /prednisone/i, /long time/i], es: [/esteroides/i, /prednisona/i, /mucho tiempo/i] },
    },
  },
  {
    name: 'a weak immune system',
    said: { en: [[/weak immune system|immune system is weak/i]], es: [[/defensas bajas/i]] },
    asked: { 'weak-immune': { en: [/weak immune system/i], es: [/defensas bajas/i] } },
  },
  {
    name: 'injecting drugs',
    said: { en: [[/inject drugs/i]], es: [[/inyecta drogas/i]] },
    asked: { 'inject-drugs': { en: [/^Do you inject drugs\?$/i], es: [/^¿Se inyecta drogas\?$/i] } },
  },
  {
    name: 'pain worse at night or at rest',
    said: { en: [[/worse/i, /rest/i, /night/i]], es: [[/descansa|descansar/i, /noche/i]] },
    asked: { 'rest-pain': { en: [/worse when you rest/i, /night/i], es: [/duele más cuando descansa/i, /noche/i] } },
  },
  {
    name: 'a lump or change in the shape of the back',
    said: { en: [[/lump/i, /shape/i]], es: [[/bulto/i, /forma/i]] },
    asked: { 'back-shape': { en: [/changed shape/i, /lump/i], es: [/cambiado la forma/i, /bulto/i] } },
  },
  {
    name: 'pain between the shoulder blades',
    said: { en: [[/between (your|the) shoulder blades/i]], es: [[/entre los omóplatos/i]] },
    asked: { 'between-shoulders': { en: [/between your shoulder blades/i], es: [/entre los omóplatos/i] } },
  },
  {
    name: 'pain so bad you cannot cope',
    said: { en: [[/so bad that you cannot cope/i]], es: [[/tan fuerte que no lo puede aguantar/i]] },
    asked: { 'cannot-cope': { en: [/cannot cope/i], es: [/no lo puede aguantar/i] } },
  },
  {
    name: 'pain below the knee that is getting worse',
    said: { en: [[/below the knee/i, /is getting worse/i]], es: [[/rodilla/i, /(está )?empeorando/i]] },
    asked: {
      'leg-below-knee': { en: [/below the knee/i], es: [/más abajo de la rodilla/i] },
      'leg-worse': { en: [/leg getting worse/i], es: [/empeorando ese dolor de la pierna/i] },
    },
  },
  {
    name: 'numbness or tingling in one leg',
    said: { en: [[/numbness or tingling in one leg/i]], es: [[/adormecimiento u hormigueo en una pierna/i]] },
    asked: { 'leg-numbness': { en: [/numbness or tingling in one leg/i], es: [/adormecimiento u hormigueo en una pierna/i] } },
  },
  {
    name: 'leg pain with coughing, sneezing or straining',
    said: { en: [[/cough/i, /sneez/i, /strain/i, /leg/i]], es: [[/toser/i, /estornudar/i, /pujar/i, /pierna/i]] },
    asked: { 'cough-leg': { en: [/cough/i, /sneeze/i, /strain/i, /leg/i], es: [/toser/i, /estornudar/i, /pujar/i, /pierna/i] } },
  },
]

const visitSigns: Sign[] = [
  {
    name: 'not better after 1 to 2 weeks',
    said: { en: [[/not better after 1 to 2 weeks/i]], es: [[/no mejora después de 1 o 2 semanas/i]] },
    asked: { 'not-improving': { en: [/1 to 2 weeks/i, /still not better/i], es: [/1 o 2 semanas/i, /sin mejorar/i] } },
  },
  {
    name: 'getting worse',
    said: { en: [[/pain is getting worse/i]], es: [[/dolor está empeorando/i]] },
    asked: { 'getting-worse': { en: [/getting worse/i], es: [/empeorando/i] } },
  },
  {
    name: 'keeps coming back',
    said: { en: [[/keeps coming back/i]], es: [[/vuelve una y otra vez/i]] },
    asked: { 'keeps-returning': { en: [/keep coming back/i], es: [/una y otra vez/i] } },
  },
  {
    name: 'stops you working or sleeping',
    said: { en: [[/stops you from working or sleeping/i]], es: [[/no le deja trabajar o dormir/i]] },
    asked: {
      'stops-work': { en: [/stop you from doing your work/i], es: [/no le deja hacer su trabajo/i] },
      'stops-sleep': { en: [/stop you from sleeping/i], es: [/no le deja dormir/i] },
    },
  },
  {
    name: 'leg pain below the knee that is not getting worse (settling sciatica)',
    said: { en: [[/below the knee/i, /not getting worse/i]], es: [[/rodilla/i, /no está empeorando/i]] },
    asked: { 'leg-below-knee': { en: [/below the knee/i], es: [/más abajo de la rodilla/i] } },
  },
]

const tiers = [
  { tier: 'emergency', tone: 'emergency', group: 'emergency', signs: emergencySigns },
  { tier: 'today or tomorrow', tone: 'warning', group: 'soon', signs: todaySigns },
  { tier: 'book a visit', tone: 'info', group: 'visit', signs: visitSigns },
] as const

describe.each(['en', 'es'] as const)('warning signs in %s', (locale) => {
  describe.each(tiers)('$tier', ({ tone, signs }) => {
    it.each(signs)('"When to get help" says: $name', ({ name, said }) => {
      expectSaid(calloutUnits(section(locale, 'get-help'), tone), name, said[locale])
    })

    it.each(signs)('the home-care sheet says: $name', ({ name, said }) => {
      expectSaid(calloutUnits(sheet(locale, 'home-care'), tone), name, said[locale])
    })

    it.each(signs)('the help check asks: $name', ({ name, asked }) => {
      const questions = new Map(content[locale].helpCheck.questions.map((q) => [q.id, q.text]))
      for (const [id, patterns] of Object.entries(asked)) {
        expect(questions.has(id), `${name}: the help check has no question "${id}"`).toBe(true)
        expectSaid([questions.get(id) ?? ''], `${name} (question ${id})`, [patterns[locale]])
      }
    })
  })

  it('every emergency list says to call the emergency number or go to the emergency department', () => {
    const place = locale === 'en' ? /emergency department/i : /sala de emergencias/i
    for (const doc of [section(locale, 'get-help'), sheet(locale, 'home-care')])
      expectSaid(calloutUnits(doc, 'emergency'), `${doc.id} emergency action`, [
        [/\{emergencyNumber\}/, place],
      ])
  })

  it('every help list on the home-care sheet says what to do, in its title or its text', () => {
    const action = locale === 'en' ? /\b(call|book)\b/i : /\b(llame|pida)\b/i
    const boxes = sheet(locale, 'home-care').blocks.filter(
      (b): b is Callout => b.kind === 'callout' && !!b.items && b.items.length >= 4,
    )
    for (const box of boxes.filter((b) => b.tone !== 'warning' || /doctor|médico/i.test(b.title)))
      expect(`${box.title} ${box.text ?? ''}`, box.title).toMatch(action)
  })
})

describe('the help check asks each sign on the list it belongs to', () => {
  const groupOf = new Map(helpQuestionRules.map((rule) => [rule.id, rule]))
  it.each(tiers.flatMap(({ group, signs }) => signs.map((sign) => ({ group, ...sign }))))(
    '$name',
    ({ group, asked, name }) => {
      for (const id of Object.keys(asked)) {
        const rule = groupOf.get(id)
        // Leg pain below the knee is asked with the today signs; settling, it books a visit.
        const expected = id === 'leg-below-knee' ? 'soon' : group
        expect(rule?.group, `${name}: question ${id}`).toBe(expected)
      }
    },
  )
})

// ---- §2 Cautions ----

interface Caution {
  name: string
  said: Patterns
}

const medicineCautions: Caution[] = [
  {
    name: 'in pregnancy, no NSAIDs unless a doctor says so',
    said: {
      en: [[/pregnant/i, /do not take/i, /unless a doctor says so/i]],
      es: [[/embarazada/i, /no (las )?tome/i, /a menos que un médico se lo diga/i]],
    },
  },
  {
    name: 'never two NSAIDs together (ibuprofen, naproxen, aspirin)',
    said: {
      en: [[/never take two/i, /ibuprofen/i, /naproxen/i, /aspirin/i]],
      es: [[/nunca tome dos/i, /ibuprofeno/i, /naproxeno/i, /aspirina/i]],
    },
  },
  {
    name: 'take with food',
    said: { en: [[/with food/i]], es: [[/con comida/i]] },
  },
  {
    name: 'the lowest dose, for the shortest time, following the label',
    said: {
      en: [[/lowest dose/i, /shortest time/i], [/label/i]],
      es: [[/dosis más baja/i, /menor tiempo/i], [/etiqueta/i]],
    },
  },
  {
    name: 'stop and get help for black stools, vomiting blood or bad stomach pain',
    said: {
      en: [[/stop/i, /black stools/i, /vomit(ing)? blood/i, /bad stomach pain/i]],
      es: [[/deje de tomarlas/i, /heces negras/i, /vomita sangre/i, /estómago/i]],
    },
  },
  {
    name: 'ask first with stomach, kidney or heart problems, high blood pressure or asthma',
    said: {
      en: [[/ask/i, /stomach/i, /kidney/i, /heart/i, /high blood pressure/i, /asthma/i]],
      es: [[/pregunte/i, /estómago/i, /riñón/i, /corazón/i, /presión alta/i, /asma/i]],
    },
  },
  {
    name: 'ask first with heavy drinking, blood thinners, or at 65 and over',
    said: {
      en: [[/ask/i, /alcohol/i, /blood thinners/i, /65 or older/i]],
      es: [[/pregunte/i, /alcohol/i, /diluir la sangre|anticoagulantes/i, /65 años o más/i]],
    },
  },
  {
    name: 'US brand names, as examples only',
    said: {
      en: [[/Advil/, /Motrin/, /Aleve/], [/Tylenol/]],
      es: [[/Advil/, /Motrin/, /Aleve/], [/Tylenol/]],
    },
  },
  {
    name: 'if NSAIDs are not possible, ask the pharmacist what to take instead',
    said: {
      en: [[/cannot take/i, /pharmacist/i, /instead/i]],
      es: [[/no puede tomar|no las puede tomar/i, /farmacéutico/i, /en su lugar/i]],
    },
  },
  {
    name: 'acetaminophen alone does not help this pain much',
    said: {
      en: [[/acetaminophen/i, /does not help this (kind of )?pain much|alone does not help/i]],
      es: [[/acetaminofén/i, /no ayuda mucho/i]],
    },
  },
  {
    name: 'muscle relaxants: sleepy, do not drive, no alcohol',
    said: {
      en: [[/sleepy/i], [/do not drive/i], [/alcohol/i]],
      es: [[/sueño/i], [/no maneje/i], [/alcohol/i]],
    },
  },
]

const treatmentOnlyCautions: Caution[] = [
  {
    name: 'muscle relaxants: dizzy, no other sleep medicines, falls in older adults',
    said: {
      en: [[/dizzy/i], [/other sleep medicines/i], [/older adults/i, /fall/i]],
      es: [[/mareo/i], [/otras medicinas para dormir/i], [/mayores/i, /caer/i]],
    },
  },
  {
    name: 'strong painkillers such as opioids usually do not help and carry risks',
    said: {
      en: [[/opioids/i, /usually do not help/i], [/risks/i, /dependent/i], [/not offer them as a usual/i]],
      es: [[/opioides/i, /casi nunca ayudan/i], [/riesgos/i, /dependencia/i], [/no los ofrecen como tratamiento de costumbre/i]],
    },
  },
  {
    name: 'the brand names are only examples',
    said: { en: [[/brand names, given only as examples/i]], es: [[/marcas, solo como ejemplo/i]] },
  },
  {
    name: 'no hot tubs in pregnancy',
    said: { en: [[/pregnant/i, /hot tub/i]], es: [[/embarazada/i, /jacuzzi/i]] },
  },
]

const heatCautions: Caution[] = [
  {
    name: 'no heat on numb skin',
    said: { en: [[/heat/i, /numb/i]], es: [[/calor/i, /dormida/i]] },
  },
  {
    name: 'ask first with diabetes or poor circulation',
    said: { en: [[/diabetes/i, /poor blood flow/i, /ask/i]], es: [[/diabetes/i, /mala circulación/i, /pregunte/i]] },
  },
  {
    name: 'never an unwrapped hot pack',
    said: { en: [[/never put a hot pack straight on your skin/i]], es: [[/bolsa caliente directo/i]] },
  },
  {
    name: 'never sleep on a heating pad',
    said: { en: [[/never/i, /sleep on a heating pad/i]], es: [[/nunca se duerma sobre una almohadilla/i]] },
  },
]

describe.each(['en', 'es'] as const)('cautions in %s', (locale) => {
  it.each([...medicineCautions, ...treatmentOnlyCautions, ...heatCautions])(
    '"Treatment and self-care" says: $name',
    ({ name, said }) => expectSaid(unitsOf(section(locale, 'treatment')), name, said[locale]),
  )

  it.each([...medicineCautions, ...heatCautions])(
    'the home-care sheet says: $name',
    ({ name, said }) => expectSaid(unitsOf(sheet(locale, 'home-care')), name, said[locale]),
  )
})

// ---- §3 Claims the guidelines back, §4 stretch safety, §7 new sections ----

const facts: { where: (locale: Locale) => ContentDocument; name: string; said: Patterns }[] = [
  {
    where: (l) => section(l, 'treatment'),
    name: 'scans only with warning signs or a planned procedure',
    said: {
      en: [[/do not need a scan/i], [/only when there are warning signs/i, /plans a treatment/i]],
      es: [[/casi nadie/i, /radiografía/i], [/solo ayudan si hay señales de alarma/i, /planea un tratamiento/i]],
    },
  },
  {
    where: (l) => section(l, 'treatment'),
    name: 'longer pain is not by itself a reason to scan; wear is common without pain',
    said: {
      en: [[/lasts longer is not, by itself, a reason/i], [/disc wear in people with no pain/i]],
      es: [[/no es, por sí solo, una razón/i], [/desgaste de los discos en personas que no tienen dolor/i]],
    },
  },
  {
    where: (l) => section(l, 'treatment'),
    name: 'exercise programs for pain that lasts or returns, not to speed a new spasm',
    said: {
      en: [[/exercise programs/i, /lasts or keeps coming back/i], [/lower the chance/i], [/for a new spasm, staying active/i]],
      es: [[/programas de ejercicio/i, /dura o que vuelve/i], [/bajan la probabilidad/i], [/para un espasmo nuevo/i, /seguir activo/i]],
    },
  },
  {
    where: (l) => section(l, 'treatment'),
    name: 'massage, manipulation and acupuncture are options to discuss, with limited evidence',
    said: {
      en: [[/massage/i, /acupuncture/i, /manipulation/i], [/limited/i, /disagree about acupuncture/i, /talk with your doctor/i]],
      es: [[/masajes/i, /acupuntura/i, /ajustes/i], [/pocas pruebas/i, /no se ponen de acuerdo/i, /hable antes con su médico/i]],
    },
  },
  {
    where: (l) => section(l, 'causes'),
    name: 'slouching and core imbalance: the evidence is weak',
    said: {
      en: [[/slouching/i, /uneven/i, /proof that these cause back pain is weak/i]],
      es: [[/mala postura/i, /disparejos/i, /pocas pruebas de que esto cause/i]],
    },
  },
  {
    where: (l) => sheet(l, 'prevention'),
    name: 'lifting with care has not been shown to prevent back pain on its own',
    said: { en: [[/not been shown to prevent back pain/i]], es: [[/no se ha probado que por sí solo evite/i]] },
  },
  {
    where: (l) => section(l, 'prevention'),
    name: 'lifting with care has not been shown to prevent back pain on its own (section)',
    said: { en: [[/not been shown to prevent back pain/i]], es: [[/no se ha probado que por sí solo evite/i]] },
  },
  {
    where: (l) => sheet(l, 'stretches'),
    name: 'check first: pregnancy after about 16 to 20 weeks, no lying on the back',
    said: {
      en: [[/16 to 20 weeks pregnant/i, /do not lie on your back/i, /chair versions/i, /side/i]],
      es: [[/16 a 20 semanas de embarazo/i, /no se acueste boca arriba/i, /versiones en silla/i, /de lado/i]],
    },
  },
  {
    where: (l) => sheet(l, 'stretches'),
    name: 'check first: osteoporosis or a past spine fracture, no rounding forward, safe versions',
    said: {
      en: [[/osteoporosis/i, /broke a bone in your spine/i, /do not round your back/i, /knee to chest/i, /child's pose/i, /cat/i, /chair versions/i]],
      es: [[/osteoporosis/i, /hueso de la columna/i, /no doble la espalda/i, /rodilla al pecho/i, /postura del niño/i, /gato/i, /versiones en silla/i]],
    },
  },
  {
    where: (l) => sheet(l, 'stretches'),
    name: 'check first: hip replacement, no deep hip bending',
    said: { en: [[/hip replacement/i, /do not bend your hip deeply/i]], es: [[/cadera artificial/i, /no doble mucho la cadera/i]] },
  },
  {
    where: (l) => sheet(l, 'stretches'),
    name: 'check first: knee problems, no kneeling',
    said: { en: [[/knee problems/i, /do not kneel/i]], es: [[/problemas de rodilla/i, /no se arrodille/i]] },
  },
  {
    where: (l) => sheet(l, 'stretches'),
    name: 'check first: back surgery in the last 3 months',
    said: { en: [[/back surgery in the last 3 months/i]], es: [[/operaron la espalda en los últimos 3 meses/i]] },
  },
  {
    where: (l) => sheet(l, 'stretches'),
    name: 'check first: a new warning sign, get help before stretching',
    said: { en: [[/new warning sign/i, /do not stretch/i, /get help first/i]], es: [[/señal de alarma nueva/i, /no se estire/i, /busque ayuda primero/i]] },
  },
  {
    where: (l) => sheet(l, 'stretches'),
    name: 'getting down to and up from the floor: roll onto the side, push up with the arms',
    said: {
      en: [[/chair/i, /one knee at a time/i], [/roll onto your side/i, /push up with your arms/i]],
      es: [[/silla/i, /una rodilla a la vez/i], [/gire de lado/i, /empújese con los brazos/i]],
    },
  },
  {
    where: (l) => sheet(l, 'stretches'),
    name: 'stop if it hurts more',
    said: { en: [[/stop if/i, /worse/i]], es: [[/pare si/i, /dolor/i]] },
  },
  {
    where: (l) => section(l, 'myths'),
    name: 'myths: hurt does not mean harm',
    said: { en: [[/hurt does not mean harm/i]], es: [[/que duela no quiere decir que haya daño/i]] },
  },
  {
    where: (l) => section(l, 'myths'),
    name: 'myths: scans often show normal wear',
    said: { en: [[/scans often show normal wear/i]], es: [[/desgaste normal/i]] },
  },
  {
    where: (l) => section(l, 'myths'),
    name: 'myths: a disc cannot slip',
    said: { en: [[/a disc cannot slip/i]], es: [[/un disco no se puede salir/i]] },
  },
  {
    where: (l) => section(l, 'myths'),
    name: 'myths: bed rest slows recovery',
    said: { en: [[/bed rest makes recovery slower/i]], es: [[/quedarse en cama hace más lenta la mejoría/i]] },
  },
  {
    where: (l) => section(l, 'daily-life'),
    name: 'daily life: out of bed, sleeping, sitting, driving, coughing, sex and work',
    said: {
      en: [[/roll onto your side/i], [/push yourself up/i, /arms/i], [/pillow between your knees/i], [/support for your low back/i], [/long drives/i], [/cough/i, /sneeze/i], [/sex/i], [/back to work early/i], [/lighter tasks/i]],
      es: [[/gire hacia un lado/i], [/empújese con los brazos/i], [/almohada entre las rodillas/i], [/apoyo en la parte baja/i], [/viajes largos/i], [/toser/i, /estornudar/i], [/relaciones sexuales/i], [/volver pronto al trabajo/i], [/tareas más ligeras/i]],
    },
  },
  {
    where: (l) => section(l, 'what-to-expect'),
    name: 'what to expect: a timeline by days and weeks, and when to book a visit',
    said: {
      en: [[/days 1 to 2/i], [/days 3 to 7/i], [/weeks 1 to 2/i], [/weeks 2 to 4/i], [/not getting better after 1 to 2 weeks/i]],
      es: [[/días 1 a 2/i], [/días 3 a 7/i], [/semanas 1 a 2/i], [/semanas 2 a 4/i], [/no mejora después de 1 o 2 semanas/i]],
    },
  },
  {
    where: (l) => section(l, 'what-is'),
    name: 'who the information is for: adults 16 and over; children and teenagers see their doctor',
    said: {
      en: [[/adults, aged 16 and over/i, /child or teenager/i, /doctor/i]],
      es: [[/adultos de 16 años o más/i, /niño o un adolescente/i, /médico/i]],
    },
  },
  {
    where: (l) => content[l].about,
    name: 'who the information is for, on the about page',
    said: {
      en: [[/adults, aged 16 and over/i, /child or teenager/i]],
      es: [[/adultos de 16 años o más/i, /niño o un adolescente/i]],
    },
  },
  {
    where: (l) => section(l, 'treatment'),
    name: 'stay active, heat has the best evidence, cold is fine, 15 to 20 minutes',
    said: {
      en: [[/staying active/i], [/staying in bed makes you heal more slowly/i], [/heat has the best proof/i], [/cold is fine/i], [/15 to 20 minutes/i], [/cloth between your skin/i]],
      es: [[/seguir activo/i], [/quedarse en cama hace que tarde más/i], [/calor es lo que mejor alivia/i], [/frío también sirve/i], [/15 a 20 minutos/i], [/paño entre la piel/i]],
    },
  },
]

describe.each(['en', 'es'] as const)('guideline facts in %s', (locale) => {
  it.each(facts)('$name', ({ where, name, said }) => expectSaid(unitsOf(where(locale)), name, said[locale]))

  it('every stretch has a chair or bed version with its own drawing and steps', () => {
    const stretches = sheet(locale, 'stretches').blocks.filter((b) => b.kind === 'stretch')
    expect(stretches.map((s) => s.id)).toEqual([
      'knee-to-chest',
      'cat-cow',
      'childs-pose',
      'pelvic-tilt',
      'knee-rolls',
      'bridge',
    ])
    for (const stretch of stretches) {
      expect(stretch.alternative?.illustration, stretch.id).toMatch(/^chair-/)
      expect(stretch.alternative?.steps.length, stretch.id).toBeGreaterThan(0)
    }
  })

  it('the knee-to-chest words match its drawing: both knees bent, one hugged', () => {
    const knee = sheet(locale, 'stretches').blocks.find(
      (b): b is Extract<Block, { kind: 'stretch' }> => b.kind === 'stretch' && b.id === 'knee-to-chest',
    )!
    expect(knee.alt).toMatch(locale === 'en' ? /both knees bent/i : /dos rodillas dobladas/i)
    expect(knee.steps[0]).toMatch(locale === 'en' ? /knees bent and feet flat/i : /rodillas dobladas y los pies/i)
  })

  it('the check-first box comes before the stretches, on screen and on paper', () => {
    const blocks = sheet(locale, 'stretches').blocks
    const checkFirst = blocks.findIndex((b) => b.kind === 'callout' && b.tone === 'warning' && !!b.items)
    expect(checkFirst).toBeGreaterThanOrEqual(0)
    expect(checkFirst).toBeLessThan(blocks.findIndex((b) => b.kind === 'stretch'))
  })

  it('every result of the help check but the emergency ones says what to do if a new sign starts', () => {
    const again = locale === 'en' ? /do this check again/i : /haga esta prueba otra vez/i
    const { outcomes } = content[locale].helpCheck
    for (const key of ['soon', 'visit', 'home'] as const)
      expectSaid(outcomes[key].items, `help check result ${key}`, [[again]])
    expectSaid(outcomes['soon-urgent'].items, 'urgent result names the infection', [
      [locale === 'en' ? /infection/i : /infección/i],
    ])
  })

  it('shows the disclaimer: general information, not a diagnosis', () => {
    expect(content[locale].site.disclaimer).toMatch(locale === 'en' ? /not a diagnosis/i : /no (es )?un diagnóstico/i)
  })

  it('has at least six questions and answers', () => {
    const qa = section(locale, 'questions').blocks.find((b) => b.kind === 'qa')
    expect(qa?.kind === 'qa' && qa.pairs.length).toBeGreaterThanOrEqual(6)
  })
})

// ---- Claims that must never be made ----

/** A myth stated so that the next line can correct it is not a claim. */
const isMyth = (unit: string) => /^(myth|mito):/i.test(unit)

/** Wrong claims, anywhere a visitor reads, in either language. */
const wrongClaims: [string, RegExp][] = [
  ['the "ice for 48-72 hours, then heat" rule', /(48|72)\s*(hours|horas)/i],
  ['bed rest as a treatment', /(stay|rest) in bed (for|until)|guarde cama|quédese en cama (hasta|por)/i],
  ['taking opioids first', /(take|start with|try) (an )?opioids? first|opioids? (first|as a first step)|(tome|empiece con) (un )?opioides? primero/i],
  ['stronger medicine as the better first step', /strong(er)? (medicine|painkillers?)[^.]*(better|best|first step)|(medicina|analgésico)s? más fuertes?[^.]*(mejor|primer paso)/i],
  ['that opioids work well for this pain', /opioids? (help|work) (well|best|a lot)|opioides? (ayudan|funcionan) (bien|mucho|mejor)/i],
  ['dehydration or minerals as a proven cause', /(dehydration|magnesium|potassium|deshidrata|magnesio|potasio)[^.]*(causes|proven|causa|probad[oa])(?![^.]*(not|no está))/i],
  ['a scan because the pain lasts', /(scan|x-ray|mri)[^.]*(help|needed)[^.]*\bthe pain lasts|(radiograf|resonancia|prueba)[^.]*si el dolor dura/i],
  ['exercise or physical therapy speeding the healing of a new spasm', /(physical therapy|exercise)[^.]*(helps you heal|heal faster|speeds?)|(terapia física|ejercicio)[^.]*(le ayuda a sanar|sanar más rápido|acelera)/i],
  ['a slipped disc as a fact', /slipped disc|disco (salido|que se sale)|se (le )?salió (un|el) disco|salido de su lugar/i],
  ['spinal stenosis as a narrower spine instead of the spinal canal', /columna (se hace |más )?estrecha|narrow(er)? spine\b/i],
  ['a hard-coded emergency number', /\b(911|112|999)\b/],
]

/** Ideas with weak evidence may be mentioned only in the same sentence as a caveat. */
const needsCaveat: [string, RegExp, RegExp][] = [
  ['slouching or core imbalance', /slouch|slump|out of balance|uneven (belly|muscles)|disparejos|mala postura/i, /weak|proof|prueba/i],
  ['water to prevent spasms', /(water|agua)[^.]*(spasm|cramp|espasmo|calambre)|(spasm|cramp|espasmo|calambre)[^.]*(water|agua)/i, /weak|little proof|pocas pruebas|proof/i],
  ['lifting technique preventing back pain', /(lift|levant)[^.]*(prevent|evit)/i, /not been shown|no se ha probado/i],
]

describe.each(['en', 'es'] as const)('claims never made in %s', (locale) => {
  const everything = () => {
    const check = content[locale].helpCheck
    return [
      ...[...content[locale].sections, ...content[locale].sheets, content[locale].about].flatMap(
        (doc) => unitsOf(doc).map((unit) => ({ where: doc.id, unit })),
      ),
      ...[check.intro, ...check.questions.map((q) => q.text)]
        .concat(Object.values(check.outcomes).flatMap((o) => [o.title, o.action, ...o.items]))
        .map((unit) => ({ where: 'help-check', unit })),
    ].filter(({ unit }) => !isMyth(unit))
  }

  it.each(wrongClaims)('never states %s', (_claim, pattern) => {
    const said = everything().filter(({ unit }) => pattern.test(unit))
    expect(said).toEqual([])
  })

  it.each(needsCaveat)('mentions %s only with its weak evidence', (_idea, idea, caveat) => {
    const bare = everything().filter(({ unit }) => idea.test(unit) && !caveat.test(unit))
    expect(bare).toEqual([])
  })

  it('may name opioids, to say they usually do not help', () => {
    expect(everything().some(({ unit }) => /opioid/i.test(unit))).toBe(true)
  })
})

describe('the wrong-claim patterns catch what they are meant to', () => {
  it.each([
    ['taking opioids first', 'Take an opioid first for quick relief.'],
    ['stronger medicine as the better first step', 'Stronger painkillers are the better first step.'],
    ['that opioids work well for this pain', 'Opioids work well for back spasms.'],
    ['a scan because the pain lasts', 'Scans help when there are warning signs or the pain lasts.'],
    ['exercise or physical therapy speeding the healing of a new spasm', 'Physical therapy helps you heal.'],
    ['a slipped disc as a fact', 'Un disco salido de su lugar puede apretar un nervio.'],
    ['spinal stenosis as a narrower spine instead of the spinal canal', 'Es la columna más estrecha.'],
  ])('%s: "%s"', (claim, sentence) => {
    const pattern = wrongClaims.find(([name]) => name === claim)![1]
    expect(sentence).toMatch(pattern)
  })

  it('does not take correct advice about opioids for a wrong claim', () => {
    const correct = 'Strong painkillers, such as opioids, usually do not help this kind of pain much.'
    for (const [, pattern] of wrongClaims) expect(correct).not.toMatch(pattern)
  })
})
