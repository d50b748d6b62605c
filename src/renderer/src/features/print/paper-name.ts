// The paper of the Settings as printed documents name it: their classes (`paper-a4`,
// `paper-letter`) and named pages (print.css `osseo-letter`, outcomes.css `osseo-report-letter`, …).
import type { PageSize } from '../../../../shared/ipc'

export function paperName(size: PageSize): 'a4' | 'letter' {
  return size === 'Letter' ? 'letter' : 'a4'
}
