// Switching the canal stations between one plane and two (AP and lateral) without hiding or
// losing a value. One → two: each single diameter becomes the AP one (visible in the AP column).
// Two → one: each station keeps the smaller of its diameters — the value the plan already used, so
// the plan does not change — and the separate AP and lateral values are kept aside, to come back
// when two planes are switched on again (with the same stations).
import type { RawStation } from '../../../../shared/case/types'
import { canonicalOf } from '../../components/unit-value'

type Diameter = 'endosteal' | 'periosteal'

export const hasSecondPlane = (s: RawStation) => s.endostealAP !== undefined || s.endostealLat !== undefined || s.periostealAP !== undefined || s.periostealLat !== undefined

/** The smallest of the given raw diameters (compared in mm), as entered; undefined if none. */
function smallest(values: unknown[]): RawStation['endosteal'] {
  let best: unknown
  let bestMm = Infinity
  for (const v of values) {
    if (v === undefined) continue
    const mm = canonicalOf(v, 'length')
    if (best === undefined || (mm !== null && mm < bestMm)) {
      best = v
      bestMm = mm ?? Infinity
    }
  }
  return best as RawStation['endosteal']
}

function onePlane(s: RawStation): RawStation {
  const { endostealAP, endostealLat, periostealAP, periostealLat, ...rest } = s
  const out: RawStation = { ...rest }
  const pick = (key: Diameter, ap: unknown, lat: unknown) => {
    const v = smallest([s[key], ap, lat])
    if (v === undefined) delete out[key]
    else out[key] = v
  }
  pick('endosteal', endostealAP, endostealLat)
  pick('periosteal', periostealAP, periostealLat)
  return out
}

function twoPlanes(s: RawStation): RawStation {
  const { endosteal, periosteal, ...rest } = s
  const out: RawStation = { ...rest }
  if (endosteal !== undefined && out.endostealAP === undefined) out.endostealAP = endosteal
  if (periosteal !== undefined && out.periostealAP === undefined) out.periostealAP = periosteal
  return out
}

export interface PlaneSwitch {
  stations: RawStation[]
  /** The two-plane stations kept aside (null: nothing kept). */
  aside: RawStation[] | null
  notice: string | null
}

export function toOnePlane(stations: readonly RawStation[]): PlaneSwitch {
  const had = stations.some(hasSecondPlane)
  return {
    stations: stations.map(onePlane),
    aside: had ? [...stations] : null,
    notice: had
      ? 'One plane: each station now holds the smaller of its AP and lateral diameters — the values the plan already used. The separate AP and lateral values are kept aside: tick "Two planes" again (or Undo) to bring them back.'
      : null
  }
}

export function toTwoPlanes(stations: readonly RawStation[], aside: readonly RawStation[] | null, onePlaneAtAside: readonly RawStation[] | null): PlaneSwitch {
  // Restore what was kept aside only while the stations are still the ones it was taken from.
  const unchanged = aside && onePlaneAtAside && JSON.stringify(onePlaneAtAside) === JSON.stringify(stations)
  if (unchanged) return { stations: [...aside], aside: null, notice: 'The AP and lateral values are back.' }
  return { stations: stations.map(twoPlanes), aside: null, notice: null }
}
