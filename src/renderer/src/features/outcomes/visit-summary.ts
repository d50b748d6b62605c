// One line per visit for lists and the timeline: the measures recorded, with units.
import type { FollowUpVisit } from '../../../../shared/outcomes'
import { formatNumber } from '../../../../shared/format'

export function visitSummary(v: FollowUpVisit): string {
  const parts: string[] = []
  if (v.wearHoursPerDay !== undefined) parts.push(`wear ${formatNumber(v.wearHoursPerDay)} h/day`)
  if (v.wearDaysPerWeek !== undefined) parts.push(`${v.wearDaysPerWeek} days/week`)
  if (v.kLevel) parts.push(v.kLevel)
  if (v.sixMinuteWalkM !== undefined) parts.push(`6MWT ${formatNumber(v.sixMinuteWalkM, 0)} m`)
  if (v.tugS !== undefined) parts.push(`TUG ${formatNumber(v.tugS)} s`)
  if (v.qtfa?.global !== undefined) parts.push(`Q-TFA global ${formatNumber(v.qtfa.global, 0)}`)
  if (v.qtfa?.mobility !== undefined) parts.push(`mobility ${formatNumber(v.qtfa.mobility, 0)}`)
  if (v.qtfa?.prostheticUse !== undefined) parts.push(`use ${formatNumber(v.qtfa.prostheticUse, 0)}`)
  if (v.qtfa?.problem !== undefined) parts.push(`problem ${formatNumber(v.qtfa.problem, 0)}`)
  if (v.quickDash !== undefined) parts.push(`QuickDASH ${formatNumber(v.quickDash, 0)}`)
  if (v.pain !== undefined) parts.push(`pain ${v.pain}/10`)
  if (v.falls !== undefined) parts.push(`${v.falls} fall${v.falls === 1 ? '' : 's'}`)
  return parts.join(' · ')
}
