// dicom-parser is a UMD bundle: bundlers expose its functions as named exports, Node's ESM loader
// only as the default export. This takes whichever is there, so the reader runs in the renderer,
// in Vitest and in plain Node (bench, command line) alike.
import * as namespace from 'dicom-parser'

type DicomParser = typeof namespace
const withDefault = namespace as DicomParser & { default?: DicomParser }
export const dicomParser: DicomParser = typeof withDefault.readPart10Header === 'function' ? withDefault : (withDefault.default as DicomParser)
