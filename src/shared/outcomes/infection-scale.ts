// Infection grading. The site may replace the scale (settings); the shipped one is the
// classification used in the osseointegration literature, shipped as "to confirm" because its
// wording here is a summary a site should check against the paper before relying on it.

export interface InfectionGrade {
  /** Stored with the event, e.g. '1'. */
  code: string
  label: string
  /** How the grade is recognised or treated, as the source describes it. */
  description: string
}

export interface InfectionScale {
  id: string
  name: string
  source: string
  /** False until the site has checked the grades against the source. */
  confirmed: boolean
  grades: InfectionGrade[]
}

/** Al Muderis et al., "Safety of osseointegrated implants for transfemoral amputees: a two-center
 *  prospective cohort study", J Bone Joint Surg Am 2016;98(11):900–909 (infection grades 1–4, each
 *  with treatment sub-grades in the paper). */
export const AL_MUDERIS_2016: InfectionScale = {
  id: 'al-muderis-2016',
  name: 'Al Muderis infection classification',
  source: 'Al Muderis M et al., J Bone Joint Surg Am 2016;98:900–909',
  confirmed: false,
  grades: [
    { code: '1', label: 'Grade 1 — low-grade soft-tissue infection', description: 'Soft-tissue infection around the stoma; oral antibiotics (sub-grades in the paper)' },
    { code: '2', label: 'Grade 2 — high-grade soft-tissue infection', description: 'Soft-tissue infection needing parenteral antibiotics and/or surgical debridement' },
    { code: '3', label: 'Grade 3 — bone infection (osteitis / osteomyelitis)', description: 'Infection of the bone; antibiotics and/or surgery with the implant kept' },
    { code: '4', label: 'Grade 4 — septic implant failure', description: 'Infection leading to removal of the implant' }
  ]
}

export const DEFAULT_INFECTION_SCALE = AL_MUDERIS_2016

export function gradeLabel(scale: InfectionScale, code: string | undefined): string {
  if (code === undefined) return 'grade not recorded'
  return scale.grades.find((g) => g.code === code)?.label ?? `grade ${code} (not on the ${scale.name})`
}
