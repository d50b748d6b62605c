// What can go wrong talking to a PACS, each with the plain sentence a surgeon reads. Nothing here
// is ever shown as a stack trace or raw server text.

export type PacsErrorKind =
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'server-error'
  | 'truncated'
  | 'too-large'
  | 'cancelled'
  | 'bad-response'
  | 'refused'

export interface PacsFailure {
  ok: false
  kind: PacsErrorKind
  message: string
}

const MESSAGES: Record<PacsErrorKind, string> = {
  unreachable: 'The image server did not answer. Check that it is running and that the address is right.',
  timeout: 'The image server stopped answering. Nothing was saved; you can try again.',
  unauthorized: 'The image server refused the sign-in. Check the user name and password (or the token) in Settings → Image servers.',
  forbidden: 'The image server does not allow this account to do that. Ask the PACS administrator for access.',
  'not-found': 'The image server has no such study or image (it may have been moved or deleted), or the address does not point at its DICOMweb service.',
  'server-error': 'The image server reported an internal error. Nothing was saved; you can try again later.',
  truncated: 'The transfer was cut off before the end. Nothing was saved; you can try again.',
  'too-large': 'The image server sent far more data than a radiograph needs, so the transfer was stopped. Nothing was saved.',
  cancelled: 'Cancelled. Nothing was saved.',
  'bad-response': 'The image server answered with something a DICOMweb server does not send. Nothing was saved.',
  refused: 'The image server did not accept the documents.'
}

export function failure(kind: PacsErrorKind, detail?: string): PacsFailure {
  return { ok: false, kind, message: detail ? `${MESSAGES[kind]} (${detail})` : MESSAGES[kind] }
}

export function failureForStatus(status: number): PacsFailure {
  if (status === 401) return failure('unauthorized')
  if (status === 403) return failure('forbidden')
  if (status === 404) return failure('not-found')
  if (status >= 500) return failure('server-error', `HTTP ${status}`)
  return failure('bad-response', `HTTP ${status}`)
}
