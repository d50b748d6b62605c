// The summary's door to the radiograph figures: nothing is loaded for a plan without images; the
// drawing code (imaging) loads only when there is something to draw. A failure never blocks the
// summary: the figure names its problem instead.
import type { PlanResult } from '../../../../shared/result'
import { imagesRepo } from '../../db'
import type { RadiographFigure } from './radiograph-figures'

export type { RadiographFigure }

export async function loadRadiographs(planId: string, revisionId: string | undefined, result: PlanResult): Promise<RadiographFigure[]> {
  try {
    if ((await imagesRepo().list(planId)).length === 0) return []
    const { radiographFigures } = await import('./radiograph-figures')
    return await radiographFigures(planId, revisionId, result)
  } catch {
    return [{ label: '', png: null, problem: 'The radiographs of this plan could not be read; the summary above is complete without them.', rendered: null, pacsSource: null, capture: null }]
  }
}
