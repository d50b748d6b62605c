/**
 * Rehabilitation loading protocols as data (REFERENCE.md §5). Day 0 is the day of the
 * surgery that creates the stoma and fits the adapter (the only surgery in a one-stage
 * plan, stage 2 in a two-stage plan). Values the sources do not publish are site defaults.
 */
import { published, siteDefault } from './param'
import type { RehabProtocol } from './types'

export const PROTOCOL_IDS = ['radboud-standard', 'radboud-slow', 'royal-free-lower', 'relimb-upper', 'opra'] as const
export type ProtocolId = (typeof PROTOCOL_IDS)[number]

const radboudStartLoad = (id: string) =>
  siteDefault(`protocol.${id}.startLoadKg`, 10, 'kg', 'Load on the first loading day', {
    basedOn: ['S11'],
    note: '[S11] gives no start load'
  })

export const PROTOCOLS: Readonly<Record<ProtocolId, RehabProtocol>> = {
  'radboud-standard': {
    kind: 'anchors',
    id: 'radboud-standard',
    name: 'Radboud standard',
    source: 'S11',
    limb: 'lower',
    levels: ['transfemoral', 'transtibial'],
    rule: 'From day 3: axial loading on a scale 3 × 30 min/day up to 50 % of body weight by day 10; 50 % weight bearing days 10–35; full weight bearing days 35–42.',
    slowVariantId: 'radboud-slow',
    isSlow: false,
    rowIntervalDays: 1,
    anchors: [
      {
        day: published('protocol.radboud-standard.startDay', 3, 'days', 'First loading day', 'S11'),
        load: { kind: 'kg', kg: radboudStartLoad('radboud-standard') },
        activity: 'axial loading on a scale, 3 × 30 min/day'
      },
      {
        day: published('protocol.radboud-standard.halfDay', 10, 'days', 'Day 50 % body weight is reached', 'S11'),
        load: { kind: 'bw', fraction: published('protocol.radboud-standard.halfFraction', 0.5, 'fraction of body weight', 'Partial load', 'S11') },
        activity: '50 % weight bearing'
      },
      {
        day: published('protocol.radboud-standard.fullStartDay', 35, 'days', 'End of 50 % weight bearing', 'S11'),
        load: { kind: 'bw', fraction: published('protocol.radboud-standard.halfFraction', 0.5, 'fraction of body weight', 'Partial load', 'S11') },
        activity: '50 % weight bearing ends; progress to full weight bearing'
      },
      {
        day: published('protocol.radboud-standard.fullDay', 42, 'days', 'Full weight bearing', 'S11'),
        load: { kind: 'bw', fraction: published('protocol.radboud-standard.fullFraction', 1, 'fraction of body weight', 'Full load', 'S11') },
        activity: 'full weight bearing'
      }
    ]
  },
  'radboud-slow': {
    kind: 'anchors',
    id: 'radboud-slow',
    name: 'Radboud slow (short bone and/or poor bone quality)',
    source: 'S11',
    limb: 'lower',
    levels: ['transfemoral', 'transtibial'],
    rule: 'Up to 50 % of body weight by week 6, full weight bearing by week 12.',
    slowVariantId: null,
    isSlow: true,
    rowIntervalDays: 7,
    anchors: [
      {
        day: siteDefault('protocol.radboud-slow.startDay', 3, 'days', 'First loading day', {
          basedOn: ['S11'],
          note: 'start day of the standard protocol; the slow protocol gives none'
        }),
        load: { kind: 'kg', kg: radboudStartLoad('radboud-slow') },
        activity: 'axial loading on a scale'
      },
      {
        day: published('protocol.radboud-slow.halfDay', 42, 'days', 'Day 50 % body weight is reached (week 6)', 'S11'),
        load: { kind: 'bw', fraction: published('protocol.radboud-slow.halfFraction', 0.5, 'fraction of body weight', 'Partial load', 'S11') },
        activity: '50 % weight bearing'
      },
      {
        day: published('protocol.radboud-slow.fullDay', 84, 'days', 'Full weight bearing (week 12)', 'S11'),
        load: { kind: 'bw', fraction: published('protocol.radboud-slow.fullFraction', 1, 'fraction of body weight', 'Full load', 'S11') },
        activity: 'full weight bearing'
      }
    ]
  },
  'royal-free-lower': {
    kind: 'steps',
    id: 'royal-free-lower',
    name: 'Royal Free, lower limb',
    source: 'S29',
    limb: 'lower',
    levels: ['transfemoral', 'transtibial'],
    rule: 'Start with 5 kg, 20 min twice a day, up to 50 % of body weight or 50 kg; then 6 weeks with two crutches and 6 weeks with one.',
    slowVariantId: null,
    isSlow: false,
    startDay: siteDefault('protocol.royal-free-lower.startDay', 3, 'days', 'First loading day', { basedOn: ['S29'], note: '[S29] gives no start day' }),
    startLoadKg: published('protocol.royal-free-lower.startLoadKg', 5, 'kg', 'Start load', 'S29'),
    stepKg: siteDefault('protocol.royal-free-lower.stepKg', 5, 'kg', 'Load increase per step', { basedOn: ['S29'], note: '[S29] gives no step' }),
    intervalDays: siteDefault('protocol.royal-free-lower.intervalDays', 3, 'days', 'Days between steps', { basedOn: ['S29'], note: '[S29] gives no interval' }),
    startActivity: 'static loading, 20 min twice a day',
    cap: {
      bwFraction: published('protocol.royal-free-lower.capFraction', 0.5, 'fraction of body weight', 'Static loading cap (body-weight share)', 'S29'),
      kg: published('protocol.royal-free-lower.capKg', 50, 'kg', 'Static loading cap', 'S29'),
      prosthesisWeight: false
    },
    afterCap: [
      {
        days: published('protocol.royal-free-lower.twoCrutchesAfterCapDays', 0, 'days', 'Walking with two crutches starts (days after the cap)', 'S29'),
        activity: 'walking with two crutches (6 weeks)',
        load: 'cap'
      },
      {
        days: published('protocol.royal-free-lower.oneCrutchAfterCapDays', 42, 'days', 'One crutch (days after the cap)', 'S29', { note: 'after 6 weeks with two crutches' }),
        activity: 'walking with one crutch (6 weeks)',
        load: 'cap'
      },
      {
        // [S29] gives the crutch phases only, not when full weight bearing starts: a site default.
        days: siteDefault('protocol.royal-free-lower.fullAfterCapDays', 84, 'days', 'Full weight bearing (days after the cap)', {
          basedOn: ['S29'],
          note: '[S29] gives 6 weeks with two crutches and 6 weeks with one, not when full weight bearing starts'
        }),
        activity: 'full weight bearing without crutches',
        load: 'bw'
      }
    ]
  },
  'relimb-upper': {
    kind: 'steps',
    id: 'relimb-upper',
    name: 'Relimb, upper limb',
    source: 'S48',
    limb: 'upper',
    levels: ['transhumeral', 'transradial', 'thumb', 'finger'],
    rule: 'From week 6: 1 kg, + 0.5 kg every 3 days, up to the prosthesis weight (≈ 5–6 kg).',
    slowVariantId: null,
    isSlow: false,
    startDay: published('protocol.relimb-upper.startDay', 42, 'days', 'First loading day (week 6)', 'S48'),
    startLoadKg: published('protocol.relimb-upper.startLoadKg', 1, 'kg', 'Start load', 'S48'),
    stepKg: published('protocol.relimb-upper.stepKg', 0.5, 'kg', 'Load increase per step', 'S48'),
    intervalDays: published('protocol.relimb-upper.intervalDays', 3, 'days', 'Days between steps', 'S48'),
    startActivity: 'axial loading',
    cap: {
      bwFraction: null,
      // The source caps at the prosthesis weight and gives it only as "≈ 5–6 kg": the figure used
      // when the weight is not recorded is a site choice, not a published cap.
      kg: siteDefault('protocol.relimb-upper.capKg', 6, 'kg', 'Loading cap when the prosthesis weight is not recorded', {
        basedOn: ['S48'],
        note: 'the source gives the prosthesis weight as ≈ 5–6 kg; record the prosthesis weight to use it instead'
      }),
      prosthesisWeight: true
    },
    afterCap: []
  },
  opra: {
    kind: 'anchors',
    id: 'opra',
    name: 'OPRA',
    source: 'S1',
    limb: 'lower',
    levels: ['transfemoral', 'transtibial'],
    rule: 'Gradual increase of loading over 6 months after stage 2.',
    slowVariantId: null,
    isSlow: false,
    rowIntervalDays: 14,
    anchors: [
      {
        day: siteDefault('protocol.opra.startDay', 0, 'days', 'First loading day after stage 2', { basedOn: ['S1'], note: '[S1] gives no start day' }),
        load: {
          kind: 'kg',
          kg: siteDefault('protocol.opra.startLoadKg', 10, 'kg', 'Start load', { basedOn: ['S1'], note: '[S1] gives no start load' })
        },
        activity: 'start of gradual loading'
      },
      {
        day: published('protocol.opra.fullDay', 182, 'days', 'Full loading (6 months after stage 2)', 'S1', { note: '6 months taken as 26 weeks' }),
        load: { kind: 'bw', fraction: published('protocol.opra.fullFraction', 1, 'fraction of body weight', 'Full load', 'S1') },
        activity: 'full weight bearing'
      }
    ]
  }
}

export function isProtocolId(id: string): id is ProtocolId {
  return (PROTOCOL_IDS as readonly string[]).includes(id)
}
