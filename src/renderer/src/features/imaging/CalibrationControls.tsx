// Choosing the calibration: from the file (each stated pixel size labelled with its plane), a
// marker of known size, a known distance, or the department's magnification factor.
import { useRef, useState } from 'react'
import { earlierSpacingReading, MAGNIFICATION_RANGE, type CalibrationInput, type CalibrationKind, type CalibrationResult, type ImageHeader } from '../../../../shared/imaging'
import { usePlanningContext } from '../settings/planning-context'

const KIND_LABELS: Record<CalibrationKind, string> = {
  file: 'From the file',
  marker: 'Calibration marker',
  'known-distance': 'Known distance',
  department: 'Department factor'
}

export interface CalibrationControlsProps {
  header: ImageHeader
  input: CalibrationInput | null
  result: CalibrationResult | null
  readOnly: boolean
  onChange: (input: CalibrationInput | null) => void
  onDrawLine: () => void
}

const NO_LINE = { from: { x: 0, y: 0 }, to: { x: 0, y: 0 } }
const ENTERED = 'entered for this image'

export function CalibrationControls({ header, input, result, readOnly, onChange, onDrawLine }: CalibrationControlsProps) {
  const ctx = usePlanningContext()
  const factorParam = ctx.profile.params['mag.defaultFactor']
  const [markerMm, setMarkerMm] = useState(input?.kind === 'marker' ? input.trueSizeMm : 25)
  const [lengthMm, setLengthMm] = useState(input?.kind === 'known-distance' ? input.trueLengthMm : 100)
  // No factor is filled in: the site's default is an assumption, not this department's measured
  // factor, and a calibration made of it would silence the plan's uncalibrated warning.
  const [factor, setFactor] = useState<number | null>(input?.kind === 'department' ? input.factor : null)
  const candidates = header.spacing.candidates
  const earlier = earlierSpacingReading(header.spacing)
  const detector = candidates.find((c) => c.plane === 'detector') ?? null
  const kind = input?.kind ?? null

  const choose = (k: CalibrationKind) => {
    if (k === 'file') {
      const only = candidates.filter((c) => c.plane === 'corrected')
      const pick = header.spacing.conflict ? null : (only[0] ?? candidates[0] ?? null)
      onChange(pick ? { kind: 'file', spacing: pick } : null)
      if (!pick) setPendingKind('file')
      return
    }
    setPendingKind(null)
    if (k === 'marker') onChange({ kind: 'marker', trueSizeMm: markerMm, ...keepLine(), detector })
    if (k === 'known-distance') onChange({ kind: 'known-distance', trueLengthMm: lengthMm, ...keepLine(), detector })
    if (k === 'department') {
      onChange(department(factor))
      if (factor === null) setPendingKind('department')
    }
  }
  const [pendingKind, setPendingKind] = useState<CalibrationKind | null>(null)
  const department = (f: number | null): CalibrationInput | null => (f !== null && Number.isFinite(f) && detector ? { kind: 'department', factor: f, provenance: ENTERED, detector } : null)
  // The last line drawn is kept while another kind is tried: choosing the marker or the known
  // distance again brings it back, instead of asking for it to be drawn again.
  const lastLine = useRef(NO_LINE)
  if (input && (input.kind === 'marker' || input.kind === 'known-distance')) lastLine.current = { from: input.from, to: input.to }
  const keepLine = () => lastLine.current
  const shown = kind ?? pendingKind
  const lineDrawn = input && (input.kind === 'marker' || input.kind === 'known-distance') && (input.from.x !== input.to.x || input.from.y !== input.to.y)

  return (
    <section className="im-box" aria-labelledby="im-cal-h">
      <h3 id="im-cal-h">Calibration</h3>
      <div role="radiogroup" aria-label="Calibration" className="im-cal-kinds">
        {(Object.keys(KIND_LABELS) as CalibrationKind[]).map((k) => {
          const unavailable = (k === 'file' && candidates.length === 0) || (k === 'department' && !detector)
          return (
            <label key={k} title={unavailable ? (k === 'file' ? 'The file states no pixel size.' : 'Needs the detector pixel size from the file.') : undefined}>
              <input type="radio" name="im-cal-kind" checked={shown === k} disabled={readOnly || unavailable} onChange={() => choose(k)} /> {KIND_LABELS[k]}
            </label>
          )
        })}
      </div>
      {earlier && (
        <p className="im-warn" role="alert" data-testid="earlier-spacing">
          {earlier}
        </p>
      )}
      {header.spacing.problems.map((p) => (
        <p key={p} className="im-warn">
          {p}
        </p>
      ))}
      {shown === 'file' && (
        <fieldset className="im-cal-detail">
          <legend>Pixel size stated by the file</legend>
          {header.spacing.conflict && (
            <p className="im-warn" role="alert">
              {header.spacing.conflict}
            </p>
          )}
          {candidates.map((c) => (
            <label key={c.id}>
              <input type="radio" name="im-cal-file" disabled={readOnly} checked={input?.kind === 'file' && input.spacing.id === c.id} onChange={() => onChange({ kind: 'file', spacing: c })} /> {c.label}
            </label>
          ))}
        </fieldset>
      )}
      {kind === 'marker' && input?.kind === 'marker' && (
        <div className="im-cal-detail">
          <label>
            Marker true size{' '}
            <input type="number" min={1} step={0.1} value={markerMm} disabled={readOnly} aria-label="Marker true size in mm" onChange={(e) => (setMarkerMm(Number(e.target.value)), onChange({ ...input, trueSizeMm: Number(e.target.value) }))} /> mm
          </label>
          <button type="button" onClick={onDrawLine} disabled={readOnly}>
            {lineDrawn ? 'Draw the diameter again' : 'Draw across the marker'}
          </button>
        </div>
      )}
      {kind === 'known-distance' && input?.kind === 'known-distance' && (
        <div className="im-cal-detail">
          <label>
            True length{' '}
            <input type="number" min={1} step={0.1} value={lengthMm} disabled={readOnly} aria-label="Known true length in mm" onChange={(e) => (setLengthMm(Number(e.target.value)), onChange({ ...input, trueLengthMm: Number(e.target.value) }))} /> mm
          </label>
          <button type="button" onClick={onDrawLine} disabled={readOnly}>
            {lineDrawn ? 'Draw the line again' : 'Draw the line'}
          </button>
        </div>
      )}
      {shown === 'department' && (
        <div className="im-cal-detail">
          <label>
            Magnification factor{' '}
            <input type="number" min={MAGNIFICATION_RANGE.min} max={MAGNIFICATION_RANGE.max} step={0.01} value={factor ?? ''} disabled={readOnly} aria-label="Department magnification factor" onChange={(e) => {
                const f = e.target.value.trim() === '' ? null : Number(e.target.value)
                setFactor(f)
                if (f === null) setPendingKind('department')
                onChange(department(f))
              }} /> ×
          </label>
          <p className="im-note">
            Your department&rsquo;s measured magnification for this X-ray set-up, applied to the detector pixel size. The site default in Settings ({String(factorParam.value)}) is an assumption: to use it, choose <em>From the file</em> and the plan warns that the image is not calibrated.
          </p>
        </div>
      )}
      <p className="im-cal-result" data-testid="calibration-status" role="status">
        {!input
          ? shown === 'department'
            ? 'Enter your department’s magnification factor to calibrate; until then measurements are in pixels and cannot feed the plan.'
            : 'Not calibrated: measurements are in pixels and cannot feed the plan.'
          : (input.kind === 'marker' || input.kind === 'known-distance') && !lineDrawn
            ? 'Draw the line to calibrate.'
            : result?.ok
              ? `Calibration: ${result.calibration.label}`
              : (result?.error ?? '')}
      </p>
    </section>
  )
}
