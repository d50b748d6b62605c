// Amputation level, side and (forearm, hand) the bone that carries the implant.
import { LEVEL_BONES, LEVELS, SIDES, type Level } from '../../../../../shared/case/types'
import { SelectInput } from '../../../components/TextInput'
import { useEditorForm, useField } from '../form-context'

export const LEVEL_LABELS: Record<Level, string> = {
  transfemoral: 'Transfemoral (femur)',
  transtibial: 'Transtibial (tibia)',
  transhumeral: 'Transhumeral (humerus)',
  transradial: 'Below elbow (radius or ulna)',
  thumb: 'Thumb',
  finger: 'Finger'
}

export function LimbSection() {
  const { draft } = useEditorForm()
  const level = draft.limb?.level as Level | undefined
  const bones = level && LEVEL_BONES[level] ? LEVEL_BONES[level] : []
  return (
    <div className="ed-grid">
      <SelectInput label="Level" {...useField('limb.level')} choices={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))} />
      <SelectInput label="Side" {...useField('limb.side')} choices={SIDES.map((s) => ({ value: s, label: s }))} />
      {bones.length > 1 && (
        <SelectInput
          label="Bone"
          {...useField('limb.bone')}
          choices={bones.map((b) => ({ value: b, label: b }))}
          placeholder={level === 'transradial' ? '— choose —' : `— default (${bones[0]}) —`}
        />
      )}
    </div>
  )
}
