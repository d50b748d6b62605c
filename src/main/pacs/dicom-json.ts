// Reading the DICOM JSON model (PS3.18 F.2) that QIDO-RS and the metadata resources return:
// one attribute at a time, as plain text, tolerant of absent values and hostile of nothing else.

export type DicomJsonDataset = Record<string, { vr?: string; Value?: unknown[] } | undefined>

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The first value of an attribute as text (person names by their alphabetic form), or ''. */
export function jsonText(dataset: DicomJsonDataset, tag: string): string {
  const values = jsonTexts(dataset, tag)
  return values[0] ?? ''
}

/** Every value of an attribute as text. */
export function jsonTexts(dataset: DicomJsonDataset, tag: string): string[] {
  const attribute = dataset[tag]
  if (!isRecord(attribute) || !Array.isArray(attribute.Value)) return []
  return attribute.Value.map((value) => {
    if (typeof value === 'string') return value
    if (typeof value === 'number' && Number.isFinite(value)) return String(value)
    if (isRecord(value) && typeof value['Alphabetic'] === 'string') return value['Alphabetic']
    return ''
  })
}

export function jsonNumber(dataset: DicomJsonDataset, tag: string): number | null {
  const text = jsonText(dataset, tag)
  const value = Number(text)
  return text !== '' && Number.isFinite(value) ? value : null
}

/** A DICOM JSON response body must be an array of data sets (objects). */
export function asDatasetArray(body: unknown): DicomJsonDataset[] | null {
  if (!Array.isArray(body)) return null
  return body.every(isRecord) ? (body as DicomJsonDataset[]) : null
}
