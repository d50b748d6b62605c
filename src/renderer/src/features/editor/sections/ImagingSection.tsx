// Imaging and calibration (rule R-MAG): the source and, for X-ray, the magnification factor or
// a calibration marker (the marker wins when both are given).
import { IMAGING_SOURCES, type ImagingSource } from '../../../../../shared/case/types'
import { NumberField, SelectField, UnitField } from '../bound-fields'
import { useDraftAt } from '../form-context'

const SOURCE_LABELS: Record<ImagingSource, string> = {
  xray: 'X-ray (needs calibration)',
  ct: 'CT (true size)',
  calibrated: 'Already calibrated values'
}

const SOURCE_CHOICES = IMAGING_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))

export function ImagingSection() {
  const xray = useDraftAt('imaging.source') === 'xray'
  return (
    <div className="ed-grid">
      <SelectField label="Measurements taken on" path="imaging.source" choices={SOURCE_CHOICES} />
      {xray && (
        <>
          <NumberField label="Magnification factor" suffix="×" hint="e.g. 1.15; leave empty when a marker is given" path="imaging.magnification" />
          <UnitField label="Marker true size" kind="length" hint="optional" path="imaging.marker.trueSize" />
          <UnitField label="Marker measured size" kind="length" hint="optional" path="imaging.marker.measuredSize" />
        </>
      )}
    </div>
  )
}
