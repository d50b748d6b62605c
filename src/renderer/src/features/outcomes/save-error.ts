// A failed outcome save in plain words; field errors are shown at their fields.
import { OutcomeValidationError } from '../../db/outcomes-repo'
import { isQuotaError, storageErrorMessage } from '../../db/storage'
import { errorsByField } from './form-model'

export interface SaveFailure {
  message: string
  fields: Record<string, string>
}

export function saveFailure(error: unknown): SaveFailure {
  if (error instanceof OutcomeValidationError) {
    const fields = errorsByField(error.errors)
    return { message: `Not saved: ${Object.keys(fields).length === 1 ? 'one field needs' : `${Object.keys(fields).length} fields need`} correcting (marked below). What you typed is kept.`, fields }
  }
  return { message: isQuotaError(error) ? storageErrorMessage(error) : `Not saved: ${storageErrorMessage(error)} What you typed is kept.`, fields: {} }
}
