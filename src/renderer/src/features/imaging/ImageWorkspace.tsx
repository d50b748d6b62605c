// One radiograph: view it, calibrate it, measure the bone on it; the values flow into the case.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import {
  axisCoordinates,
  axisFrame,
  calibrate,
  placeImageValues,
  pointOnStation,
  sortedStations,
  present,
  STATION_PATH,
  stationOfKey,
  stationDistances,
  suggestStationEdges,
  EDGE_NAMES,
  type Axis,
  type EdgeName,
  type LinkedValue,
  type PixelScale,
  type Point,
  type StationMark
} from '../../../../shared/imaging'
import type { PlanResult } from '../../../../shared/result'
import type { ImageWithPixels } from '../../db/image-types'
import { imagesRepo } from '../../db'
import { getAt } from '../editor/draft-path'
import { useEditorForm, useEditorStore } from '../editor/form-context'
import { CalibrationControls } from './CalibrationControls'
import { imageSideKey, OTHERS_STATIONS_NOTE, replacesOthersStations, stationsOfOtherImages, writtenInCase } from './image-edit'
import { ImageCanvas, VIEW_HEIGHT, VIEW_WIDTH } from './ImageCanvas'
import { Overlay } from './Overlay'
import { defaultWindow, gridOf, samplesOf, type WindowLevel } from '../../../../shared/imaging/window-level'
import { useImageEdits } from './use-image-edits'
import { useLatestCallback } from './use-latest-callback'
import { fitView, type View } from './viewport'

export type Tool = 'move' | 'window' | 'axis' | 'station' | 'skin' | 'line'

/** Half-width of a station line, mm (case units): wide enough for a femur with its cortex. */
const STATION_HALF_WIDTH_MM = 35

const EDGE_LABELS: Record<EdgeName, string> = {
  periostealA: 'outer edge (first side)',
  endostealA: 'canal edge (first side)',
  endostealB: 'canal edge (second side)',
  periostealB: 'outer edge (second side)'
}
export { EDGE_LABELS }

let stationSeq = 0
let dragSeq = 0
const newStationId = () => `st-${Date.now().toString(36)}-${++stationSeq}`

/** Moves each edge so it keeps its offset across the axis when the axis moves. */
function reprojectStations(stations: StationMark[], from: Axis, to: Axis, s: PixelScale): StationMark[] {
  const fromFrame = axisFrame(from, s)
  const toFrame = axisFrame(to, s)
  if (!fromFrame || !toFrame) return stations
  return stations.map((st) => {
    const edges = { ...st.edges }
    for (const name of EDGE_NAMES) {
      const p = st.edges[name]
      const c = p && axisCoordinates(from, s, p)
      edges[name] = c ? pointOnStation(to, s, st.t * toFrame.lengthMm, c.offsetMm) : p
    }
    return { ...st, edges }
  })
}

/** `saving`: shown while it is being stored; nothing can be changed on it until it is stored. */
export function ImageWorkspace({ row, result, saving = false, onRemove }: { row: ImageWithPixels; result: PlanResult | null; saving?: boolean; onRemove: () => void }) {
  const form = useEditorForm()
  const readOnly = form.readOnly || saving
  const header = row.header
  const samples = useMemo(() => samplesOf(header, row.pixels), [header, row.pixels])
  const grid = useMemo(() => gridOf(header, samples), [header, samples])
  const [wl, setWl] = useState<WindowLevel>(() => row.window ?? defaultWindow(header, samples))
  const [neighbours, setNeighbours] = useState(false)
  const [view, setView] = useState<View>(() => fitView(header.columns, header.rows, VIEW_WIDTH, VIEW_HEIGHT))
  // Measurements and calibration live in the editor's history: each change writes the case values
  // it gives in the same undo step, live while a handle is dragged (one step per drag).
  const { marks, calInput, setMarks, setCalInput, relink } = useImageEdits(row)
  const gesture = useRef<string | null>(null)
  const inDrag = () => (gesture.current ??= `${row.id}-drag-${++dragSeq}`)
  const store = useEditorStore()
  const endDrag = useCallback(() => {
    gesture.current = null
    store.endGesture()
  }, [store])
  const dragging = useSyncExternalStore(store.subscribe, store.gesture) !== null
  // Taken off the screen during a drag: the saves must not wait for a release that cannot come.
  useEffect(() => () => store.endGesture(), [store])
  const [tool, setTool] = useState<Tool>('move')
  const [pending, setPending] = useState<Point | null>(null)
  const [stepMm, setStepMm] = useState(20)
  const [message, setMessage] = useState<string | null>(null)
  const painted = useMemo(() => ({ header, pixels: row.pixels, samples }), [header, row.pixels, samples])

  const calibration = useMemo(() => (calInput ? calibrate(calInput) : null), [calInput])
  /** The scale measurements use: the calibration's, else the file's pixel aspect (for drawing only). */
  const scale: PixelScale = useMemo(() => (calibration?.ok ? calibration.calibration.scale : (header.spacing.candidates[0] ?? { rowMm: 1, colMm: 1 })), [calibration, header])
  /** The image's values as the case holds them: at the case's magnification, on its stations. */
  const placed = useMemo(() => {
    if (!calibration?.ok || !marks.axis) return null
    const { where, onCase } = writtenInCase({ marks, calibration: calInput }, row.label, form.draft)
    const p = placeImageValues(form.draft, marks, calibration.calibration, row.label, false, where)
    const others = stationsOfOtherImages(store.sideEntries(), imageSideKey(row.id), form.draft)
    const shown = !p.refused && replacesOthersStations(marks, p.result.values, where.imageRows, others) ? { ...p, result: { ...p.result, values: [] }, note: OTHERS_STATIONS_NOTE, refused: true } : p
    return { ...shown, rowOf: where.rowOf ?? null, levelOnly: where.levelOnly ?? new Set<string>(), written: new Map((onCase ?? []).map((w) => [w.key, w.value])) }
  }, [calibration, calInput, marks, row.label, row.id, form.draft, store])
  const caseValues = placed?.result ?? null

  const unlinked = useMemo(() => marks.unlinked ?? [], [marks.unlinked])

  // Measurements are saved with the image shortly after each change (after a drag, at its end).
  useEffect(() => {
    if (readOnly || dragging) return
    const t = setTimeout(() => {
      imagesRepo()
        .update(row.id, { calibration: calInput, marks, window: wl })
        .catch((e: unknown) => setMessage(e instanceof Error ? e.message : 'The measurements could not be saved.'))
    }, 400)
    return () => clearTimeout(t)
  }, [row.id, calInput, marks, wl, readOnly, dragging])

  const suggest = useCallback(
    (axis: Axis, z: number): Record<EdgeName, Point | null> => {
      const s = suggestStationEdges(grid, axis, scale, z, STATION_HALF_WIDTH_MM)
      const fallback: Record<EdgeName, number> = { periostealA: -14, endostealA: -7, endostealB: 7, periostealB: 14 }
      const edges = { ...s }
      for (const name of EDGE_NAMES) edges[name] ??= pointOnStation(axis, scale, z, fallback[name])
      return edges
    },
    [grid, scale]
  )

  const addStationAt = (z: number) => {
    const axis = marks.axis
    const frame = axis && axisFrame(axis, scale)
    if (!axis || !frame || z <= 0 || z >= frame.lengthMm) return
    const st: StationMark = { id: newStationId(), t: z / frame.lengthMm, edges: suggest(axis, z), accepted: false }
    setMarks((m) => ({ ...m, stations: [...m.stations, st] }))
  }

  const addStationsEvery = () => {
    const frame = marks.axis && axisFrame(marks.axis, scale)
    if (!marks.axis || !frame) return setMessage('Draw the bone axis first.')
    if (!calibration?.ok) return setMessage('Calibrate the image first: the stations are placed in millimetres.')
    const axis = marks.axis
    const have = new Set(marks.stations.map((s) => Math.round(s.t * frame.lengthMm)))
    const zs = stationDistances(stepMm, frame.lengthMm - 1).filter((z) => !have.has(Math.round(z)))
    const added = zs.map((z): StationMark => ({ id: newStationId(), t: z / frame.lengthMm, edges: suggest(axis, z), accepted: false }))
    setMarks((m) => ({ ...m, stations: [...m.stations, ...added] }))
    setMessage(null)
  }

  const onImageClick = (p: Point) => {
    if (readOnly) return
    if (tool === 'axis') {
      if (!pending) return setPending(p)
      setMarks((m) => ({ ...m, axis: { proximal: pending, distal: p } }))
      setPending(null)
      setTool('move')
    } else if (tool === 'line') {
      if (!pending) return setPending(p)
      setCalInput((c) => (c && (c.kind === 'marker' || c.kind === 'known-distance') ? { ...c, from: pending, to: p } : c))
      setPending(null)
      setTool('move')
    } else if (tool === 'skin') {
      setMarks((m) => ({ ...m, skin: p }))
      setTool('move')
    } else if (tool === 'station' && marks.axis) {
      const c = axisCoordinates(marks.axis, scale, p)
      if (c) addStationAt(c.zMm)
    }
  }

  const moveAxis = useLatestCallback((end: 'proximal' | 'distal', p: Point) =>
    setMarks((m) => {
      if (!m.axis) return m
      const axis = { ...m.axis, [end]: p }
      return { ...m, axis, stations: reprojectStations(m.stations, m.axis, axis, scale) }
    }, inDrag()))

  const moveEdge = useLatestCallback((id: string, name: EdgeName, p: Point) =>
    setMarks((m) => {
      if (!m.axis) return m
      const frame = axisFrame(m.axis, scale)
      const c = axisCoordinates(m.axis, scale, p)
      if (!frame || !c) return m
      const axis = m.axis
      return { ...m, stations: m.stations.map((s) => (s.id === id ? { ...s, accepted: true, edges: { ...s.edges, [name]: pointOnStation(axis, scale, s.t * frame.lengthMm, c.offsetMm) } } : s)) }
    }, inDrag()))

  const moveSkin = useLatestCallback((p: Point) => setMarks((m) => ({ ...m, skin: p }), inDrag()))
  const moveLineEnd = useLatestCallback((end: 'from' | 'to', p: Point) =>
    setCalInput((c) => (c && (c.kind === 'marker' || c.kind === 'known-distance') ? { ...c, [end]: p } : c), inDrag()))

  /** Centres the view on an image point, zoomed in enough to place a handle on one pixel. */
  const show = (p: Point | null) => p && setView((v) => ({ cx: p.x, cy: p.y, zoom: Math.max(v.zoom, 4) }))


  const frame = marks.axis ? axisFrame(marks.axis, scale) : null
  const stations = sortedStations(marks)
  // Typed over: unlinked already, or the case holds another value than the image gives (it is
  // unlinked for good at the next image edit).
  // Each value is compared at the row its station is at in the form (rows deleted or added there
  // move it); a station whose row was deleted in the form is not there until the image's next edit.
  const linkRows = caseValues?.values.map((v): { v: LinkedValue; current: unknown; link: 'linked' | 'typed' | 'row-deleted' | 'empty' | 'pending' } => {
    const m = STATION_PATH.exec(v.path)
    const id = stationOfKey(v.key)
    const at = m && id !== null && placed?.rowOf ? placed.rowOf.get(id) : null
    if (at === undefined) return { v, current: undefined, link: 'row-deleted' }
    const current = getAt(form.draft, at === null ? v.path : `bone.stations[${at}].${m![2]}`)
    // An emptied field is filled again at the image's next edit (image-edit.ts typedOver).
    if (!unlinked.includes(v.key) && current === v.value) return { v, current, link: 'linked' }
    // What the image wrote last is still in the case: its later edit was not written (refused).
    if (!unlinked.includes(v.key) && placed?.written.get(v.key) === current) return { v, current, link: 'pending' }
    // A row found by its level alone was retyped whole: an empty value there is the surgeon's too.
    return { v, current, link: present(current) || (id !== null && placed?.levelOnly.has(id)) ? 'typed' : 'empty' }
  }) ?? []
  const toolHint: Record<Tool, string> = {
    move: 'Drag to pan, wheel to zoom.',
    window: 'Drag: left/right changes the contrast (width), up/down the brightness (centre).',
    axis: pending ? 'Now click the distal bone end.' : 'Click the proximal landmark, then the distal bone end.',
    station: 'Click on the bone to add a station there.',
    skin: 'Click the skin surface beyond the distal bone end, on the axis.',
    line: pending ? 'Now click the other end of the line.' : 'Click one end of the line, then the other.'
  }

  return (
    <div className="im-workspace" data-testid="image-workspace" data-image-label={row.label}>
      <div className="im-toolbar" role="toolbar" aria-label="Image tools">
        {(
          [
            ['move', 'Move'],
            ['window', 'Window'],
            ['axis', 'Bone axis'],
            ['station', 'Add station'],
            ['skin', 'Skin point']
          ] as const
        ).map(([t, text]) => (
          <button key={t} type="button" aria-pressed={tool === t} disabled={readOnly && t !== 'move' && t !== 'window'} onClick={() => (setTool(t), setPending(null))}>
            {text}
          </button>
        ))}
        <span className="im-sep" />
        <button type="button" onClick={() => setView(fitView(header.columns, header.rows, VIEW_WIDTH, VIEW_HEIGHT))}>
          Fit
        </button>
        <button type="button" onClick={() => setView((v) => ({ ...v, zoom: 1 }))}>
          1:1
        </button>
        <button type="button" aria-pressed={wl.invert} onClick={() => setWl((w) => ({ ...w, invert: !w.invert }))}>
          Invert
        </button>
        <button type="button" onClick={() => setWl(defaultWindow(header, samples))}>
          Reset window
        </button>
        <button type="button" aria-pressed={neighbours} disabled={!result?.implant} onClick={() => setNeighbours((v) => !v)}>
          Smaller and larger sizes
        </button>
        <span className="im-zoom" data-testid="image-zoom">
          {Math.round(view.zoom * 100)} %
        </span>
      </div>
      <p className="im-hint" role="status">
        {toolHint[tool]}
      </p>
      <div className="im-main">
        <ImageCanvas
          image={painted}
          wl={wl}
          view={view}
          onView={setView}
          mode={tool === 'move' ? 'move' : tool === 'window' ? 'window' : 'tool'}
          onWindow={setWl}
          onImageClick={onImageClick}
          label={`Radiograph ${row.label}`}
        >
          <Overlay
            marks={marks}
            scale={scale}
            zoom={view.zoom}
            readOnly={readOnly}
            calInput={calInput}
            calibration={calibration?.ok ? calibration.calibration : null}
            result={result}
            neighbours={neighbours}
            pending={pending}
            stationHalfWidthMm={STATION_HALF_WIDTH_MM}
            onAxis={moveAxis}
            onEdge={moveEdge}
            onSkin={moveSkin}
            onLine={moveLineEnd}
            onDragEnd={endDrag}
            viewBox={{ view, width: VIEW_WIDTH, height: VIEW_HEIGHT }}
          />
        </ImageCanvas>
        <div className="im-side">
          <CalibrationControls header={header} input={calInput} result={calibration} readOnly={readOnly} onChange={setCalInput} onDrawLine={() => (setTool('line'), setPending(null))} />
          <section className="im-box" aria-labelledby={`im-measure-${row.id}`}>
            <h3 id={`im-measure-${row.id}`}>Measure</h3>
            <p>
              Residual bone length: <strong data-testid="image-residual">{frame ? `${frame.lengthMm.toFixed(1)} mm` : 'draw the bone axis'}</strong>
            </p>
            <div className="im-row">
              Zoom to:
              <button type="button" onClick={() => show(marks.axis?.proximal ?? null)} disabled={!marks.axis} aria-label="Zoom to the proximal landmark">
                landmark
              </button>
              <button type="button" onClick={() => show(marks.axis?.distal ?? null)} disabled={!marks.axis} aria-label="Zoom to the distal bone end">
                bone end
              </button>
              <button type="button" onClick={() => show(marks.skin)} disabled={!marks.skin} aria-label="Zoom to the skin point">
                skin
              </button>
            </div>
            <div className="im-row">
              <label>
                Stations every <input type="number" min={5} max={100} step={1} value={stepMm} onChange={(e) => setStepMm(Number(e.target.value))} disabled={readOnly} aria-label="Station spacing in mm" /> mm
              </label>
              <button type="button" onClick={addStationsEvery} disabled={readOnly}>
                Add stations
              </button>
            </div>
            {stations.length > 0 && (
              <ol className="im-stations" data-testid="image-stations">
                {stations.map((s, i) => (
                  <li key={s.id} data-testid={`image-station-${i + 1}`} data-station-id={s.id}>
                    Station {i + 1} — {frame ? `${(s.t * frame.lengthMm).toFixed(1)} mm` : ''} {s.accepted ? '' : <em>(suggested edges)</em>}
                    <button type="button" onClick={() => frame && marks.axis && show(pointOnStation(marks.axis, scale, s.t * frame.lengthMm, 0))} aria-label={`Zoom to station ${i + 1}`}>
                      Show
                    </button>
                    {!s.accepted && (
                      <button type="button" disabled={readOnly} onClick={() => setMarks((m) => ({ ...m, stations: m.stations.map((x) => (x.id === s.id ? { ...x, accepted: true } : x)) }))}>
                        Accept
                      </button>
                    )}
                    <button type="button" disabled={readOnly} onClick={() => setMarks((m) => ({ ...m, stations: m.stations.filter((x) => x.id !== s.id) }))} aria-label={`Remove station ${i + 1}`}>
                      Remove
                    </button>
                  </li>
                ))}
              </ol>
            )}
            {stations.some((s) => !s.accepted) && (
              <button type="button" disabled={readOnly} onClick={() => setMarks((m) => ({ ...m, stations: m.stations.map((x) => ({ ...x, accepted: true })) }))}>
                Accept all suggested edges
              </button>
            )}
            {message && (
              <p className="im-error" role="alert">
                {message}
              </p>
            )}
          </section>
          <section className="im-box" aria-labelledby={`im-values-${row.id}`}>
            <h3 id={`im-values-${row.id}`}>Values in the case</h3>
            {!calibration?.ok ? (
              <p className="im-note">This image is not calibrated: it measures in pixels and cannot feed the plan. Calibrate it first.</p>
            ) : !caseValues ? (
              <p className="im-note">Draw the bone axis to start measuring.</p>
            ) : (
              <>
                <p className="im-origin" data-testid="image-origin">
                  {caseValues.origin[0]!.toUpperCase() + caseValues.origin.slice(1)}
                </p>
                <table className="im-values" data-testid="image-values">
                  <tbody>
                    {linkRows.map(({ v, current, link }) => (
                      <tr key={v.key} className={link === 'linked' ? 'im-linked' : 'im-unlinked'}>
                        <th scope="row">{v.label}</th>
                        <td>{v.value.toFixed(1)} mm</td>
                        <td>
                          {marks.writtenAt === undefined ? (
                            // Nothing of this image is in the case yet (its values were refused: the note says why).
                            'not written yet'
                          ) : link === 'row-deleted' ? (
                            'row deleted in the form; written again at the image’s next edit'
                          ) : link === 'pending' ? (
                            `not written yet (the case holds ${String(current)}, from before the image’s last edit)`
                          ) : link === 'empty' ? (
                            'empty in the form; written again at the image’s next edit'
                          ) : link === 'typed' ? (
                            <>
                              typed over ({String(current ?? '—')}) —{' '}
                              <button type="button" onClick={() => relink(v.key)} disabled={readOnly}>
                                Use the image value
                              </button>
                            </>
                          ) : (
                            'linked'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {placed?.note && (
                  <p className={placed.refused ? 'im-refused' : 'im-also'} data-testid="image-case-frame" role={placed.refused ? 'alert' : undefined}>
                    {placed.note}
                  </p>
                )}
                {caseValues.problems.length > 0 && (
                  <ul className="im-problems">
                    {caseValues.problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </section>
          <details className="im-box">
            <summary>What was kept from the file</summary>
            <ul className="im-kept" data-testid="image-kept">
              {header.kept.map((k) => (
                <li key={k.name}>
                  {k.name}: {k.value}
                </li>
              ))}
            </ul>
            {header.dropped.length > 0 && <p>Dropped on import: {header.dropped.join(', ')}.</p>}
          </details>
          <button type="button" className="im-remove" onClick={onRemove} disabled={readOnly}>
            Remove this image
          </button>
        </div>
      </div>
    </div>
  )
}
