/**
 * A catalogue system's name as shown: a generic template says so once, whether or not its
 * stored name already carries "(template)" — never "Generic press-fit stem (template) (template)".
 */
export function systemDisplayName(system: { name: string; template?: boolean }, templateNote = 'template'): string {
  const base = system.name.replace(/\s*\(template\)\s*$/i, '')
  return system.template ? `${base} (${templateNote})` : system.name
}
