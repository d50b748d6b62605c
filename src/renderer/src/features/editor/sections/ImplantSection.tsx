// Implant system (catalogue from the settings) and the loading protocol. Systems made for the
// chosen bone are listed first; a case file may also carry its own system (shown read-only).
import { LEVEL_BONES, type Bone, type Level } from '../../../../../shared/case/types'
import { PROTOCOL_IDS, PROTOCOLS } from '../../../../../shared/profile/protocols'
import { usePlanningContext } from '../../settings/planning-context'
import { SelectField } from '../bound-fields'
import { useDraftAt, useMissingAt } from '../form-context'
import { systemDisplayName } from '../../../../../shared/catalog/display-name'

const PROTOCOL_CHOICES = PROTOCOL_IDS.map((id) => ({ value: id, label: PROTOCOLS[id].name }))

export function ImplantSection() {
  const { systems } = usePlanningContext()
  const level = useDraftAt('limb.level') as Level | undefined
  const implant = useDraftAt('implant') as { systemId?: string; system?: { id?: string; name?: string } } | undefined
  const implantMissing = useMissingAt('implant')
  const bone = ((useDraftAt('limb.bone') as Bone | undefined) ?? (level ? LEVEL_BONES[level]?.[0] : undefined)) as Bone | undefined
  const fits = systems.filter((s) => bone && s.bones.includes(bone))
  const others = systems.filter((s) => !fits.includes(s))
  const label = (s: (typeof systems)[number]) => `${systemDisplayName(s)}${bone && !s.bones.includes(bone) ? ` — not for the ${bone}` : ''}`
  const carried = implant && typeof implant === 'object' && 'system' in implant ? implant.system : undefined
  const chosen = systems.find((s) => s.id === implant?.systemId)
  return (
    <div className="ed-grid">
      {carried ? (
        <p className="ed-carried">
          This case file carries its own implant system: <strong>{carried.name ?? carried.id}</strong>. It is used as is.
        </p>
      ) : (
        <SelectField label="Implant system" path="implant.systemId" missing={implantMissing} choices={[...fits, ...others].map((s) => ({ value: s.id, label: label(s) }))} />
      )}
      {chosen?.label && <p className="ed-system-label">{chosen.label}</p>}
      <SelectField label="Loading protocol" path="protocolId" choices={PROTOCOL_CHOICES} placeholder="— default —" hint="default: the implant system’s protocol, else the site profile’s" />
    </div>
  )
}
