// Bone (rules R-CANAL, R-LEN): residual length from the landmark, and the canal stations
// table — one plane or two (AP and lateral), rows added, removed or pasted from a spreadsheet.
import { memo, useRef, useState } from 'react'
import { LANDMARK_SUGGESTIONS, type Level, type RawStation } from '../../../../../shared/case/types'
import { fieldId } from '../../../components/field-id'
import { messageId } from '../../../components/FieldShell'
import { TextField, UnitField } from '../bound-fields'
import { useDraftAt, useEditorSelect, useEditorStore, useMetaSelect, useReadOnly, useUnits } from '../form-context'
import { parseStationsPaste } from '../paste-stations'
import type { FormErrors } from '../field-errors'
import { hasSecondPlane, toOnePlane, toTwoPlanes } from '../station-planes'
import { UNITS, type DisplayUnit } from '../../../components/unit-value'
import type { LengthUnit } from '../../../../../shared/units'
import { useFocusAfterRender } from '../../../components/use-focus-after-render'

const ONE_PLANE = [
  ['fromDistalEnd', 'Distance from distal end'],
  ['endosteal', 'Endosteal Ø (canal)'],
  ['periosteal', 'Periosteal Ø (outer)']
] as const
const TWO_PLANES = [
  ['fromDistalEnd', 'Distance from distal end'],
  ['endostealAP', 'Endosteal Ø AP'],
  ['endostealLat', 'Endosteal Ø lateral'],
  ['periostealAP', 'Periosteal Ø AP'],
  ['periostealLat', 'Periosteal Ø lateral']
] as const

/** Whether a radiograph of the plan has written values into the case (its side state says so). */
function measuredOnImages(entries: readonly { key: string; value: unknown }[]): boolean {
  return entries.some(({ key, value }) => key.startsWith('image:') && (value as { marks?: { writtenAt?: unknown } }).marks?.writtenAt !== undefined)
}

const StationCell = memo(function StationCell({ index, column, header, unit }: { index: number; column: keyof RawStation; header: string; unit: DisplayUnit }) {
  return (
    <td>
      <UnitField path={`bone.stations[${index}].${column}`} compact label={`Station ${index + 1} — ${header}`} kind="length" unit={unit} />
    </td>
  )
})

function rowMessages(errors: FormErrors, index: number, columns: readonly (readonly [string, string])[]) {
  const rowPath = `bone.stations[${index}]`
  return [
    ...(errors.byPath.has(rowPath) ? [{ id: fieldId(rowPath), text: `Station ${index + 1}: ${errors.byPath.get(rowPath)}`, missing: false }] : []),
    ...columns.flatMap(([key, header]) => {
      const bad = errors.byPath.get(`${rowPath}.${key}`)
      const needed = errors.required.get(`${rowPath}.${key}`)
      const unusual = errors.warnings.get(`${rowPath}.${key}`)
      if (bad) return [{ id: fieldId(`${rowPath}.${key}`), text: `${header}: ${bad}`, missing: false }]
      if (unusual) return [{ id: fieldId(`${rowPath}.${key}`), text: `${header}: ${unusual}`, missing: true }]
      return needed ? [{ id: fieldId(`${rowPath}.${key}`), text: `${header}: still needed`, missing: true }] : []
    })
  ]
}

const StationErrors = memo(function StationErrors({ index, columns }: { index: number; columns: readonly (readonly [string, string])[] }) {
  // The row's messages as one string snapshot, so the row re-renders only when they change.
  const key = useMetaSelect(({ errors }) => JSON.stringify(rowMessages(errors, index, columns)))
  const messages = JSON.parse(key) as ReturnType<typeof rowMessages>
  if (messages.length === 0) return null
  return (
    <tr className="ed-station-errors">
      <td colSpan={columns.length + 2}>
        {messages.map((m) => (
          <span key={m.id} id={messageId(m.id)} className={m.missing ? 'ed-msg ed-msg-missing' : 'ed-msg ed-msg-error'}>
            {m.text}
          </span>
        ))}
      </td>
    </tr>
  )
})

function PasteBox({ onDone, unit }: { onDone: () => void; unit: LengthUnit }) {
  const store = useEditorStore()
  const [text, setText] = useState('')
  const [problems, setProblems] = useState<string[]>([])
  // A paste written with decimal commas throughout: ask before reading them as points.
  const [askCommas, setAskCommas] = useState(false)
  const apply = (readCommasAsPoints: boolean | null) => {
    const parsed = parseStationsPaste(text, unit, readCommasAsPoints === true)
    if (readCommasAsPoints === null && parsed.decimalCommas) {
      setProblems([])
      return setAskCommas(true)
    }
    setAskCommas(false)
    setProblems(parsed.problems)
    if (parsed.problems.length > 0) return
    store.replace('bone.stations', parsed.stations)
    setText('')
    onDone()
  }
  return (
    <div className="ed-paste">
      <label htmlFor="stations-paste">Paste rows from a spreadsheet (distance, endosteal, periosteal; plain numbers are in {unit})</label>
      <textarea id="stations-paste" rows={5} value={text} onChange={(e) => (setText(e.target.value), setAskCommas(false))} aria-describedby={problems.length ? 'stations-paste-msg' : undefined} />
      {problems.length > 0 && (
        <span id="stations-paste-msg" className="ed-msg ed-msg-error" role="alert">
          {problems.join(' ')}
        </span>
      )}
      {askCommas && (
        <div className="ed-notice" role="alert" data-testid="paste-commas">
          The pasted numbers use decimal commas (e.g. 14,5). Read them as decimal points (14.5)?{' '}
          <button type="button" onClick={() => apply(true)}>
            Read commas as decimal points
          </button>{' '}
          <button type="button" onClick={() => apply(false)}>
            Paste as written
          </button>
        </div>
      )}
      <div className="ed-actions">
        <button type="button" onClick={() => apply(null)}>
          Replace stations with pasted rows
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  )
}

const stationsOf = (d: { bone?: { stations?: unknown } }): RawStation[] => (Array.isArray(d.bone?.stations) ? (d.bone.stations as RawStation[]) : [])

function StationsTable() {
  const store = useEditorStore()
  const readOnly = useReadOnly()
  const [pasting, setPasting] = useState(false)
  // Only the row count and the plane mode: typing in a cell re-renders that cell alone.
  const count = useEditorSelect((d) => stationsOf(d).length)
  const twoPlanes = useEditorSelect((d) => stationsOf(d).some(hasSecondPlane))
  const [twoPlaneView, setTwoPlaneView] = useState(twoPlanes)
  const showTwo = twoPlanes || twoPlaneView
  const columns = showTwo ? TWO_PLANES : ONE_PLANE
  // One unit for the whole table (plain numbers typed are in it).
  const units = useUnits()
  const [unit, setUnit] = useState<DisplayUnit>(units.length)
  // Switching planes never hides a value (station-planes.ts); two-plane values are kept aside.
  const aside = useRef<{ stations: RawStation[]; onePlane: RawStation[] } | null>(null)
  const [planeNotice, setPlaneNotice] = useState<string | null>(null)
  const switchPlanes = (on: boolean) => {
    // Values a radiograph wrote are linked by their fields (endosteal, endostealAP, …): renamed by
    // a switch, they would no longer be the image's, and a magnification typed later would
    // re-correct them. The view is chosen on the radiograph instead.
    if (measuredOnImages(store.sideEntries())) {
      setPlaneNotice('These stations hold values measured on a radiograph: one plane or two is set by the radiographs (choose AP or Lateral for each image), not here. To type two planes by hand, remove the images first.')
      return
    }
    const stations = stationsOf(store.draft())
    const s = on ? toTwoPlanes(stations, aside.current?.stations ?? null, aside.current?.onePlane ?? null) : toOnePlane(stations)
    aside.current = s.aside ? { stations: s.aside, onePlane: s.stations } : null
    setPlaneNotice(s.notice)
    setTwoPlaneView(on)
    if (stations.length > 0 && JSON.stringify(s.stations) !== JSON.stringify(stations)) store.replace('bone.stations', s.stations)
  }
  const tableInvalid = useMetaSelect((m) => m.errors.byPath.get('bone.stations') ?? null)
  const tableMissing = useMetaSelect((m) => m.errors.required.get('bone.stations') ?? null)
  const tableError = tableInvalid ?? tableMissing
  const focusAfterRender = useFocusAfterRender()
  const add = () => {
    const stations = stationsOf(store.draft())
    store.replace('bone.stations', [...stations, {}])
    focusAfterRender(fieldId(`bone.stations[${stations.length}].fromDistalEnd`))
  }
  const remove = (i: number) => store.replace('bone.stations', stationsOf(store.draft()).filter((_, j) => j !== i))
  // A read-only plan's table has no fields to Tab into; it takes focus itself so that a wide
  // table can still be scrolled sideways with the arrow keys.
  const scrollable = readOnly ? ({ tabIndex: 0, role: 'region', 'aria-label': 'Canal stations' } as const) : {}
  return (
    <div className="ed-stations" {...scrollable}>
      <table className="ed-table" aria-describedby={tableError ? 'stations-msg' : undefined}>
        <caption>
          Canal stations (measured from the distal bone end), in{' '}
          <select aria-label="Canal stations unit" value={unit} onChange={(e) => setUnit(e.target.value as DisplayUnit)} disabled={readOnly} data-unit-for="bone.stations">
            {UNITS.length.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            {columns.map(([key, header]) => (
              <th key={key} scope="col">
                {header}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: count }, (_, i) => [
            <tr key={`r${i}`}>
              <th scope="row">{i + 1}</th>
              {columns.map(([key, header]) => (
                <StationCell key={key} index={i} column={key} header={header} unit={unit} />
              ))}
              <td>
                <button
                  type="button"
                  className="ed-remove"
                  disabled={readOnly}
                  aria-label={`Remove station ${i + 1}`}
                  onClick={() => remove(i)}
                >
                  Remove
                </button>
              </td>
            </tr>,
            <StationErrors key={`e${i}`} index={i} columns={columns} />
          ])}
        </tbody>
      </table>
      {tableError && (
        <span id="stations-msg" className={tableInvalid ? 'ed-msg ed-msg-error' : 'ed-msg ed-msg-missing'}>
          Stations: {tableError}
        </span>
      )}
      <div className="ed-actions">
        <button type="button" id={fieldId('bone.stations')} onClick={add} disabled={readOnly}>
          Add station
        </button>
        <button type="button" onClick={() => setPasting(true)} disabled={readOnly || pasting}>
          Paste from spreadsheet…
        </button>
        <label className="ed-check">
          <input type="checkbox" checked={showTwo} onChange={(e) => switchPlanes(e.target.checked)} disabled={readOnly} />
          Two planes (AP and lateral)
        </label>
      </div>
      {planeNotice && (
        <p className="ed-notice" role="status" data-testid="planes-notice">
          {planeNotice}
        </p>
      )}
      {pasting && <PasteBox onDone={() => setPasting(false)} unit={unit as LengthUnit} />}
    </div>
  )
}

export function BoneSection() {
  const level = useDraftAt('limb.level') as Level | undefined
  const suggestions = level ? (LANDMARK_SUGGESTIONS[level] ?? []) : []
  return (
    <>
      <div className="ed-grid">
        <UnitField label="Residual bone length" kind="length" hint="from the landmark to the distal bone end" path="bone.residualLength" />
        <TextField label="Proximal landmark" list="landmark-suggestions" path="bone.landmark" />
        <datalist id="landmark-suggestions">
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </div>
      <StationsTable />
    </>
  )
}
