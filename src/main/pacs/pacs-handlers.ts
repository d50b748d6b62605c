// The image-server bridge channels: each checks the sender and validates its payload (shared
// validators) before the action runs. Progress goes back only to the window that asked.
import { PACS_CHANNELS, validatePacsRequest } from '../../shared/pacs-contract'
import { guardedHandler, type Handler } from '../ipc-handlers'
import type { PacsActions, PacsSender } from './pacs-actions'

export function createPacsHandlers(actions: PacsActions, trustedOrigins: readonly string[]): Record<string, Handler> {
  const h = <T>(validate: (payload: unknown) => { ok: true; value: T } | { ok: false; error: string }, run: (sender: PacsSender, request: T) => Promise<unknown>) =>
    guardedHandler(trustedOrigins, validate, (sender, request) => run(sender as unknown as PacsSender, request))
  return {
    [PACS_CHANNELS.pacsListServers]: h(validatePacsRequest.none, () => actions.listServers()),
    [PACS_CHANNELS.pacsSaveServer]: h(validatePacsRequest.saveServer, (_s, r) => actions.saveServer(r)),
    [PACS_CHANNELS.pacsRemoveServer]: h(validatePacsRequest.serverOnly, (_s, r) => actions.removeServer(r)),
    [PACS_CHANNELS.pacsTestServer]: h(validatePacsRequest.serverOnly, (_s, r) => actions.testServer(r)),
    [PACS_CHANNELS.pacsSearchStudies]: h(validatePacsRequest.searchStudies, (_s, r) => actions.searchStudies(r)),
    [PACS_CHANNELS.pacsListSeries]: h(validatePacsRequest.study, (_s, r) => actions.listSeries(r)),
    [PACS_CHANNELS.pacsListInstances]: h(validatePacsRequest.series, (_s, r) => actions.listInstances(r)),
    [PACS_CHANNELS.pacsThumbnail]: h(validatePacsRequest.instance, (_s, r) => actions.thumbnail(r)),
    [PACS_CHANNELS.pacsFetchInstance]: h(validatePacsRequest.fetchInstance, (s, r) => actions.fetchInstance(s, r)),
    [PACS_CHANNELS.pacsCancel]: h(validatePacsRequest.cancel, (_s, r) => actions.cancel(r)),
    [PACS_CHANNELS.pacsFilePlan]: h(validatePacsRequest.filePlan, (s, r) => actions.filePlan(s, r))
  }
}
