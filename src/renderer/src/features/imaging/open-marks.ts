// Performance marks of the open path (file or PACS bytes → image on screen → stored), so each
// step can be timed in the page (tests/perf/imaging-bench.ts reads them). Marks only: no cost
// worth measuring, nothing sent anywhere.
import { markStep } from '../../timing-mark'

export const OPEN_MARKS = {
  /** The bytes are asked for (file chosen, or fetched bytes handed over). */
  start: 'osseo:open-start',
  /** The file's bytes are in memory. */
  read: 'osseo:open-read',
  /** The DICOM (or picture) is parsed and its frame decoded. */
  parsed: 'osseo:open-parsed',
  /** First paint of the image (canvas 2D, the visible pixels only). */
  shown: 'osseo:image-shown',
  /** The WebGL view has taken over from the first paint (absent when WebGL is not used). */
  gpu: 'osseo:image-gpu',
  /** The image is stored in the plan. */
  stored: 'osseo:open-stored'
} as const

export function markOpen(step: keyof typeof OPEN_MARKS): void {
  markStep(OPEN_MARKS[step])
}
