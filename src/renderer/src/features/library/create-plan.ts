// "New plan" from the library's button and from the native menu: one function, so both record
// the same surgeon (the user name set at first run / in Settings) and open the editor.
import { plansRepo, settingsRepo } from '../../db'
import { navigate } from '../../router'

export async function createAndOpenPlan(): Promise<void> {
  const surgeon = await settingsRepo().getUserName()
  const plan = await plansRepo().create({ surgeon })
  navigate({ name: 'editor', planId: plan.id })
}
