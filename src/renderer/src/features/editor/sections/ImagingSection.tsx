// Imaging and calibration (rule R-MAG): the source and, for X-ray, the magnification factor or
// a calibration marker (the marker wins when both are given).
import { IMAGING_SOURCES, type ImagingSource } from '../../../../../shared/case/types'
import { PlainNumberInput } from '../../../components/PlainNumberInput'
import { SelectInput } from '../../../components/TextInput'
import { UnitNumberInput } from '../../../components/UnitNumberInput'
import { useEditorForm, useField } from '../form-context'

const SOURCE_LABELS: Record<ImagingSource, string> = {
  xray: 'X-ray (needs calibration)',
  ct: 'CT (true size)',
  calibrated: 'Already calibrated values'
}

export function ImagingSection() {
  const { draft, units } = useEditorForm()
  const xray = draft.imaging?.source === 'xray'
  return (
    <div className="ed-grid">
      <SelectInput label="Measurements taken on" {...useField('imaging.source')} choices={IMAGING_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} />
      {xray && (
        <>
          <PlainNumberInput label="Magnification factor" suffix="×" hint="e.g. 1.15; leave empty when a marker is given" {...useField('imaging.magnification')} />
          <UnitNumberInput label="Marker true size" kind="length" defaultUnit={units.length} hint="optional" {...useField('imaging.marker.trueSize')} />
          <UnitNumberInput label="Marker measured size" kind="length" defaultUnit={units.length} hint="optional" {...useField('imaging.marker.measuredSize')} />
        </>
      )}
    </div>
  )
}
