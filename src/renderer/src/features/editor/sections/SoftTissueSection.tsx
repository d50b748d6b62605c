// Distal soft tissue (rule R-SOFT): thickness from bone end to skin and how it was measured.
import { SOFT_TISSUE_METHODS } from '../../../../../shared/case/types'
import { SelectField, UnitField } from '../bound-fields'

const METHOD_CHOICES = SOFT_TISSUE_METHODS.map((m) => ({ value: m, label: m === 'xray' ? 'X-ray' : m === 'ct' ? 'CT' : m }))

export function SoftTissueSection() {
  return (
    <div className="ed-grid">
      <UnitField label="Distal soft-tissue thickness" kind="length" path="softTissue.distalThickness" />
      <SelectField label="Measured by" path="softTissue.method" choices={METHOD_CHOICES} />
    </div>
  )
}
