// Amputation level, side and (forearm, hand) the bone that carries the implant.
import { LEVEL_BONES, LEVELS, SIDES, type Level } from '../../../../../shared/case/types'
import { SelectField } from '../bound-fields'
import { useDraftAt } from '../form-context'

export const LEVEL_LABELS: Record<Level, string> = {
  transfemoral: 'Transfemoral (femur)',
  transtibial: 'Transtibial (tibia)',
  transhumeral: 'Transhumeral (humerus)',
  transradial: 'Below elbow (radius or ulna)',
  thumb: 'Thumb',
  finger: 'Finger'
}

const LEVEL_CHOICES = LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))
const SIDE_CHOICES = SIDES.map((s) => ({ value: s, label: s }))

export function LimbSection() {
  const level = useDraftAt('limb.level') as Level | undefined
  const bones = level && LEVEL_BONES[level] ? LEVEL_BONES[level] : []
  // A bone chosen for another level stays visible (with its message) until it is changed.
  const bone = useDraftAt('limb.bone')
  return (
    <div className="ed-grid">
      <SelectField label="Level" path="limb.level" choices={LEVEL_CHOICES} />
      <SelectField label="Side" path="limb.side" choices={SIDE_CHOICES} />
      {(bones.length > 1 || bone !== undefined) && (
        <SelectField
          label="Bone"
          path="limb.bone"
          choices={bones.map((b) => ({ value: b, label: b }))}
          placeholder={level === 'transradial' ? '— choose —' : `— default (${bones[0]}) —`}
        />
      )}
    </div>
  )
}
