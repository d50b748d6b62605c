// Imaging and calibration (rule R-MAG): the source and, for X-ray, the magnification factor or
// a calibration marker (the marker wins when both are given). A source switch keeps the X-ray
// calibration aside (source-switch.ts); calibration values a case file brings with another source
// stay visible, with their message, so that the surgeon can see and remove them.
import { useRef, useState } from 'react'
import { IMAGING_SOURCES, type ImagingSource } from '../../../../../shared/case/types'
import { SelectInput } from '../../../components/TextInput'
import { NumberField, UnitField } from '../bound-fields'
import { useEditorSelect, useEditorStore, useField } from '../form-context'
import { switchSource, type Calibration } from '../source-switch'

const SOURCE_LABELS: Record<ImagingSource, string> = {
  xray: 'X-ray (needs calibration)',
  ct: 'CT (true size)',
  calibrated: 'Already calibrated values'
}

const SOURCE_CHOICES = IMAGING_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))

export function ImagingSection() {
  const store = useEditorStore()
  const source = useField('imaging.source')
  const xray = source.value === 'xray'
  const hasCalibration = useEditorSelect((d) => {
    const im = d.imaging as Calibration | undefined
    return im?.magnification !== undefined || im?.marker !== undefined
  })
  const aside = useRef<Calibration | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const change = (next: string | undefined) => {
    const s = switchSource(store.draft(), next, aside.current)
    aside.current = s.aside
    setNotice(s.notice)
    if (s.changes.length === 1) store.set('imaging.source', next)
    else store.replaceMany(s.changes)
  }
  return (
    <div className="ed-grid">
      <SelectInput label="Measurements taken on" {...source} onChange={change} choices={SOURCE_CHOICES} />
      {notice && (
        <p className="ed-notice" role="status" data-testid="source-notice">
          {notice}
        </p>
      )}
      {(xray || hasCalibration) && (
        <>
          <NumberField label="Magnification factor" suffix="×" hint="e.g. 1.15; leave empty when a marker is given" path="imaging.magnification" />
          <UnitField label="Marker true size" kind="length" hint="optional" path="imaging.marker.trueSize" errorOf="imaging.marker" />
          <UnitField label="Marker measured size" kind="length" hint="optional" path="imaging.marker.measuredSize" />
        </>
      )}
    </div>
  )
}
