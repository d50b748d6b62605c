// Bone (rules R-CANAL, R-LEN): residual length from the landmark, and the canal stations
// table — one plane or two (AP and lateral), rows added, removed or pasted from a spreadsheet.
import { useState } from 'react'
import { LANDMARK_SUGGESTIONS, type Level, type RawStation } from '../../../../../shared/case/types'
import { TextInput } from '../../../components/TextInput'
import { UnitNumberInput } from '../../../components/UnitNumberInput'
import { fieldId } from '../../../components/field-id'
import { messageId } from '../../../components/FieldShell'
import { useEditorForm, useField } from '../form-context'
import { parseStationsPaste } from '../paste-stations'
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

function StationCell({ index, column, header }: { index: number; column: keyof RawStation; header: string }) {
  const form = useEditorForm()
  const field = useField(`bone.stations[${index}].${column}`)
  return (
    <td>
      <UnitNumberInput {...field} compact label={`Station ${index + 1} ${header}`} kind="length" defaultUnit={form.units.length} />
    </td>
  )
}

function StationErrors({ index, columns }: { index: number; columns: readonly (readonly [string, string])[] }) {
  const { errors } = useEditorForm()
  const rowPath = `bone.stations[${index}]`
  const messages = [
    ...(errors.byPath.has(rowPath) ? [{ id: fieldId(rowPath), text: `Station ${index + 1}: ${errors.byPath.get(rowPath)}`, missing: false }] : []),
    ...columns.flatMap(([key, header]) => {
      const bad = errors.byPath.get(`${rowPath}.${key}`)
      const needed = errors.required.get(`${rowPath}.${key}`)
      if (bad) return [{ id: fieldId(`${rowPath}.${key}`), text: `${header}: ${bad}`, missing: false }]
      return needed ? [{ id: fieldId(`${rowPath}.${key}`), text: `${header}: still needed`, missing: true }] : []
    })
  ]
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
}

function PasteBox({ onDone }: { onDone: () => void }) {
  const form = useEditorForm()
  const [text, setText] = useState('')
  const [problems, setProblems] = useState<string[]>([])
  const apply = () => {
    const parsed = parseStationsPaste(text, form.units.length)
    setProblems(parsed.problems)
    if (parsed.problems.length > 0) return
    form.replace('bone.stations', parsed.stations)
    setText('')
    onDone()
  }
  return (
    <div className="ed-paste">
      <label htmlFor="stations-paste">Paste rows from a spreadsheet (distance, endosteal, periosteal; plain numbers are in {form.units.length})</label>
      <textarea id="stations-paste" rows={5} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={problems.length ? 'stations-paste-msg' : undefined} />
      {problems.length > 0 && (
        <span id="stations-paste-msg" className="ed-msg ed-msg-error" role="alert">
          {problems.join(' ')}
        </span>
      )}
      <div className="ed-actions">
        <button type="button" onClick={apply}>
          Replace stations with pasted rows
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  )
}

function StationsTable() {
  const form = useEditorForm()
  const [pasting, setPasting] = useState(false)
  const stations = (form.draft.bone?.stations ?? []) as RawStation[]
  const twoPlanes = stations.some((s) => s.endostealAP !== undefined || s.endostealLat !== undefined || s.periostealAP !== undefined || s.periostealLat !== undefined)
  const [twoPlaneView, setTwoPlaneView] = useState(twoPlanes)
  const columns = twoPlanes || twoPlaneView ? TWO_PLANES : ONE_PLANE
  const tableError = form.errors.byPath.get('bone.stations') ?? form.errors.required.get('bone.stations')
  const focusAfterRender = useFocusAfterRender()
  const add = () => {
    form.replace('bone.stations', [...stations, {}])
    focusAfterRender(fieldId(`bone.stations[${stations.length}].fromDistalEnd`))
  }
  // A read-only plan's table has no fields to Tab into; it takes focus itself so that a wide
  // table can still be scrolled sideways with the arrow keys.
  const scrollable = form.readOnly ? ({ tabIndex: 0, role: 'region', 'aria-label': 'Canal stations' } as const) : {}
  return (
    <div className="ed-stations" {...scrollable}>
      <table className="ed-table" aria-describedby={tableError ? 'stations-msg' : undefined}>
        <caption>Canal stations (measured from the distal bone end)</caption>
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
          {stations.map((_, i) => [
            <tr key={`r${i}`}>
              <th scope="row">{i + 1}</th>
              {columns.map(([key, header]) => (
                <StationCell key={key} index={i} column={key} header={header} />
              ))}
              <td>
                <button
                  type="button"
                  className="ed-remove"
                  disabled={form.readOnly}
                  aria-label={`Remove station ${i + 1}`}
                  onClick={() => form.replace('bone.stations', stations.filter((_, j) => j !== i))}
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
        <span id="stations-msg" className={form.errors.byPath.has('bone.stations') ? 'ed-msg ed-msg-error' : 'ed-msg ed-msg-missing'}>
          Stations: {tableError}
        </span>
      )}
      <div className="ed-actions">
        <button type="button" onClick={add} disabled={form.readOnly}>
          Add station
        </button>
        <button type="button" onClick={() => setPasting(true)} disabled={form.readOnly || pasting}>
          Paste from spreadsheet…
        </button>
        {!twoPlanes && (
          <label className="ed-check">
            <input type="checkbox" checked={twoPlaneView} onChange={(e) => setTwoPlaneView(e.target.checked)} disabled={form.readOnly} />
            Two planes (AP and lateral)
          </label>
        )}
      </div>
      {pasting && <PasteBox onDone={() => setPasting(false)} />}
    </div>
  )
}

export function BoneSection() {
  const { draft, units } = useEditorForm()
  const level = draft.limb?.level as Level | undefined
  const suggestions = level ? (LANDMARK_SUGGESTIONS[level] ?? []) : []
  return (
    <>
      <div className="ed-grid">
        <UnitNumberInput label="Residual bone length" kind="length" defaultUnit={units.length} hint="from the landmark to the distal bone end" {...useField('bone.residualLength')} />
        <TextInput label="Proximal landmark" list="landmark-suggestions" {...useField('bone.landmark')} />
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
