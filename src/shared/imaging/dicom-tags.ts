// The DICOM tags the app reads (and keeps), and the identifying ones it drops and reports.
// Tags are written as dicom-parser keys: 'x' + group + element, lower-case hex.
export const TAG = {
  modality: 'x00080060',
  sopInstanceUid: 'x00080018',
  studyInstanceUid: 'x0020000d',
  seriesInstanceUid: 'x0020000e',
  viewPosition: 'x00185101',
  imageLaterality: 'x00200062',
  samplesPerPixel: 'x00280002',
  photometric: 'x00280004',
  numberOfFrames: 'x00280008',
  rows: 'x00280010',
  columns: 'x00280011',
  pixelSpacing: 'x00280030',
  pixelSpacingCalibrationType: 'x00280a02',
  /** Free text: not a kept tag; only its first characters appear in the pixel-size label. */
  pixelSpacingCalibrationDescription: 'x00280a04',
  bitsAllocated: 'x00280100',
  bitsStored: 'x00280101',
  pixelRepresentation: 'x00280103',
  windowCenter: 'x00281050',
  windowWidth: 'x00281051',
  rescaleIntercept: 'x00281052',
  rescaleSlope: 'x00281053',
  imagerPixelSpacing: 'x00181164',
  ermf: 'x00181114',
  burnedInAnnotation: 'x00280301',
  pixelData: 'x7fe00010',
  transferSyntax: 'x00020010'
} as const

/** Kept tags in the order shown to the user, with the names the standard gives them. */
export const KEPT_TAGS: readonly { key: keyof typeof TAG; tag: string; name: string }[] = [
  { key: 'modality', tag: '(0008,0060)', name: 'Modality' },
  { key: 'viewPosition', tag: '(0018,5101)', name: 'View Position' },
  { key: 'imageLaterality', tag: '(0020,0062)', name: 'Image Laterality' },
  { key: 'rows', tag: '(0028,0010)', name: 'Rows' },
  { key: 'columns', tag: '(0028,0011)', name: 'Columns' },
  { key: 'bitsAllocated', tag: '(0028,0100)', name: 'Bits Allocated' },
  { key: 'bitsStored', tag: '(0028,0101)', name: 'Bits Stored' },
  { key: 'pixelRepresentation', tag: '(0028,0103)', name: 'Pixel Representation' },
  { key: 'photometric', tag: '(0028,0004)', name: 'Photometric Interpretation' },
  { key: 'samplesPerPixel', tag: '(0028,0002)', name: 'Samples per Pixel' },
  { key: 'numberOfFrames', tag: '(0028,0008)', name: 'Number of Frames' },
  { key: 'rescaleSlope', tag: '(0028,1053)', name: 'Rescale Slope' },
  { key: 'rescaleIntercept', tag: '(0028,1052)', name: 'Rescale Intercept' },
  { key: 'windowCenter', tag: '(0028,1050)', name: 'Window Center' },
  { key: 'windowWidth', tag: '(0028,1051)', name: 'Window Width' },
  { key: 'pixelSpacing', tag: '(0028,0030)', name: 'Pixel Spacing' },
  { key: 'pixelSpacingCalibrationType', tag: '(0028,0A02)', name: 'Pixel Spacing Calibration Type' },
  { key: 'imagerPixelSpacing', tag: '(0018,1164)', name: 'Imager Pixel Spacing' },
  { key: 'ermf', tag: '(0018,1114)', name: 'Estimated Radiographic Magnification Factor' },
  { key: 'studyInstanceUid', tag: '(0020,000D)', name: 'Study Instance UID' },
  { key: 'seriesInstanceUid', tag: '(0020,000E)', name: 'Series Instance UID' },
  { key: 'sopInstanceUid', tag: '(0008,0018)', name: 'SOP Instance UID' }
]

/** Identifying tags: never kept; their presence (not their value) is reported. */
export const IDENTIFYING_TAGS: readonly { key: string; name: string }[] = [
  { key: 'x00100010', name: "Patient's Name" },
  { key: 'x00100020', name: 'Patient ID' },
  { key: 'x00100030', name: "Patient's Birth Date" },
  { key: 'x00100040', name: "Patient's Sex" },
  { key: 'x00101000', name: 'Other Patient IDs' },
  { key: 'x00101040', name: "Patient's Address" },
  { key: 'x00080020', name: 'Study Date' },
  { key: 'x00080030', name: 'Study Time' },
  { key: 'x00080050', name: 'Accession Number' },
  { key: 'x00080080', name: 'Institution Name' },
  { key: 'x00080090', name: "Referring Physician's Name" },
  { key: 'x00081030', name: 'Study Description' },
  { key: 'x00081070', name: "Operators' Name" },
  { key: 'x00200010', name: 'Study ID' },
  { key: 'x00204000', name: 'Image Comments' }
]
