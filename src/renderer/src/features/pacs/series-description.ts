// The Series Description of a plan filed to the PACS, as the team sees it in their viewer. A
// stored DICOM instance cannot be edited by a DICOMweb client, so when a later revision is filed
// into the same study, the new series names the filing it supersedes.

const MAX = 64

export function filedSeriesDescription(patientCode: string, revision: string, supersedes?: string): string {
  const base = `OsseoPlan plan ${patientCode} ${revision}`.replace(/\s+/g, ' ').trim()
  const full = supersedes ? `${base} (supersedes ${supersedes})` : base
  return full.length <= MAX ? full : base.slice(0, MAX)
}
