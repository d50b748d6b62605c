/**
 * Built-in implant systems. Only OPRA has published sizes [S1]; the other entries are
 * generic templates whose sizes are site defaults (labelled, to be confirmed or replaced
 * by the site's real catalogue in the settings screen).
 */
import type { Bone, Fixation, StageOption } from '../case/types'
import type { ParamValue } from '../result'
import { published, siteDefault } from '../profile/param'
import type { ImplantSystem } from './types'

export const CATALOG_VERSION = '1.0.0'

/** Ascending range from..to inclusive in `step` increments, exact for decimal steps. */
export function sizeRange(from: number, to: number, step: number): number[] {
  const out: number[] = []
  const n = Math.round((to - from) / step)
  for (let i = 0; i <= n; i++) out.push(Math.round((from + i * step) * 1e6) / 1e6)
  return out
}

interface TemplateSpec {
  id: string
  name: string
  bones: Bone[]
  diameters: number[]
  lengths: number[]
  engagement: number
  minCortex: number
  minContact: number
  tipMargin: number
  note: string
  /** Why minContact / tipMargin have their value (defaults: the femoral rationale, [S66] / [S36]). */
  contactNote?: string
  tipNote?: string
}

const TEMPLATE_LABEL = 'generic template — site default sizes, confirm or replace with your catalogue'

function template(t: TemplateSpec): ImplantSystem {
  const k = (p: string) => `system.${t.id}.${p}`
  const fixation: Fixation = 'press-fit'
  const stages: ParamValue<StageOption> = siteDefault(k('stages'), 'either', '', 'One or two stages', {
    basedOn: ['S8', 'S9', 'S10'],
    note: 'press-fit systems are used in one or two stages'
  })
  return {
    id: t.id,
    name: t.name,
    version: '1',
    manufacturer: null,
    fixation,
    bones: t.bones,
    template: true,
    label: TEMPLATE_LABEL,
    diametersMm: siteDefault(k('diametersMm'), t.diameters, 'mm', 'Catalogue diameters', { note: t.note }),
    lengthsMm: siteDefault(k('lengthsMm'), t.lengths, 'mm', 'Catalogue lengths', { note: t.note }),
    engagementMm: siteDefault(k('engagementMm'), t.engagement, 'mm', 'Press-fit diametral interference (prepared canal = D − this)'),
    minCortexMm: siteDefault(k('minCortexMm'), t.minCortex, 'mm', 'Minimum remaining cortex'),
    minContactMm: siteDefault(k('minContactMm'), t.minContact, 'mm', 'Minimum cortical contact length', {
      basedOn: ['S66'],
      note: t.contactNote ?? '3–4 cm diaphyseal contact for porous press-fit stems (revision hip surgery)'
    }),
    tipMarginMm: siteDefault(k('tipMarginMm'), t.tipMargin, 'mm', 'Distance kept between implant tip and proximal landmark', {
      basedOn: ['S36'],
      note: t.tipNote ?? 'periprosthetic fractures cluster within 2 cm of the implant tip'
    }),
    maxBodyWeightKg: null,
    stages,
    stage2MinDays: null,
    stage2MaxDays: null,
    protocolId: null
  }
}

const opraKey = (p: string) => `system.opra-femur.${p}`

export const OPRA_FEMUR: ImplantSystem = {
  id: 'opra-femur',
  name: 'OPRA femur fixture',
  version: '1',
  manufacturer: 'Integrum',
  fixation: 'threaded',
  bones: ['femur'],
  template: false,
  label: null,
  diametersMm: published(opraKey('diametersMm'), sizeRange(16, 20, 0.5), 'mm', 'Fixture diameters (16–20 mm in 0.5 mm steps)', 'S1'),
  lengthsMm: published(opraKey('lengthsMm'), [80], 'mm', 'Fixture length', 'S1'),
  engagementMm: siteDefault(opraKey('engagementMm'), 1, 'mm', 'Thread engagement (prepared canal = D − this)', {
    note: 'not published'
  }),
  minCortexMm: siteDefault(opraKey('minCortexMm'), 2, 'mm', 'Minimum remaining cortex'),
  minContactMm: siteDefault(opraKey('minContactMm'), 30, 'mm', 'Minimum cortical contact length', {
    basedOn: ['S66'],
    note: '3–4 cm diaphyseal contact rule for porous press-fit stems, applied to the fixture'
  }),
  tipMarginMm: siteDefault(opraKey('tipMarginMm'), 20, 'mm', 'Distance kept between implant tip and proximal landmark', {
    basedOn: ['S36'],
    note: 'periprosthetic fractures cluster within 2 cm of the implant tip'
  }),
  maxBodyWeightKg: null,
  stages: published(opraKey('stages'), 2, '', 'Two stages', 'S1'),
  stage2MinDays: published(opraKey('stage2MinDays'), 182, 'days', 'Stage 2 after stage 1 (≈ 6 months)', 'S1'),
  stage2MaxDays: published(opraKey('stage2MaxDays'), 182, 'days', 'Stage 2 after stage 1 (≈ 6 months)', 'S1'),
  protocolId: 'opra'
}

export const GENERIC_PRESS_FIT: ImplantSystem = template({
  id: 'generic-press-fit',
  name: 'Generic press-fit stem (template)',
  bones: ['femur', 'tibia', 'humerus'],
  diameters: sizeRange(8, 24, 1),
  lengths: sizeRange(60, 200, 20),
  engagement: 1,
  minCortex: 2,
  minContact: 30,
  tipMargin: 20,
  note: 'template range; published press-fit lengths 48–200 mm [S19], FE model Ø 19–21 mm [S20]'
})

export const GENERIC_FOREARM: ImplantSystem = template({
  id: 'generic-press-fit-forearm',
  name: 'Generic forearm press-fit stem (template)',
  bones: ['radius', 'ulna'],
  diameters: sizeRange(4, 12, 0.5),
  lengths: sizeRange(40, 100, 10),
  engagement: 0.5,
  minCortex: 1,
  minContact: 20,
  tipMargin: 15,
  note: 'template range; no published sizes',
  contactNote: 'scaled down for the forearm from the 3–4 cm diaphyseal-contact rule for porous press-fit stems in revision hip surgery [S66]; no published value',
  tipNote: 'scaled down for the forearm from the 2 cm zone at the implant tip where fractures clustered [S36]; no published value'
})

export const GENERIC_DIGIT: ImplantSystem = template({
  id: 'generic-press-fit-digit',
  name: 'Generic digit press-fit stem (template)',
  bones: ['metacarpal', 'phalanx'],
  diameters: sizeRange(2.5, 7, 0.5),
  lengths: sizeRange(15, 40, 5),
  engagement: 0.3,
  minCortex: 0.8,
  minContact: 10,
  tipMargin: 5,
  note: 'template range; no published sizes',
  contactNote: 'scaled down for the digits from the 3–4 cm diaphyseal-contact rule for porous press-fit stems in revision hip surgery [S66]; no published value',
  tipNote: 'scaled down for the digits from the 2 cm zone at the implant tip where fractures clustered [S36]; no published value'
})

export const BUILTIN_SYSTEMS: readonly ImplantSystem[] = [OPRA_FEMUR, GENERIC_PRESS_FIT, GENERIC_FOREARM, GENERIC_DIGIT]

/** The built-in system suggested for a bone (first template covering it). */
export function defaultSystemIdForBone(bone: Bone): string {
  for (const s of BUILTIN_SYSTEMS) if (s.template && s.bones.includes(bone)) return s.id
  return GENERIC_PRESS_FIT.id
}
