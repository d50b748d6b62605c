// Distal soft tissue (rule R-SOFT): thickness from bone end to skin and how it was measured.
import { SOFT_TISSUE_METHODS } from '../../../../../shared/case/types'
import { SelectInput } from '../../../components/TextInput'
import { UnitNumberInput } from '../../../components/UnitNumberInput'
import { useEditorForm, useField } from '../form-context'

export function SoftTissueSection() {
  const { units } = useEditorForm()
  return (
    <div className="ed-grid">
      <UnitNumberInput label="Distal soft-tissue thickness" kind="length" defaultUnit={units.length} {...useField('softTissue.distalThickness')} />
      <SelectInput label="Measured by" {...useField('softTissue.method')} choices={SOFT_TISSUE_METHODS.map((m) => ({ value: m, label: m === 'xray' ? 'X-ray' : m === 'ct' ? 'CT' : m }))} />
    </div>
  )
}
