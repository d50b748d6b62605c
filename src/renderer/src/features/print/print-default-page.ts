// Chromium lays a printed document out for the default page first and, when the first page turns
// out to be a named page (print.css: osseo-a4, osseo-letter, …) of another size or margins, lays
// the whole document out once more: one full paginated layout of five, about a quarter of the
// layout time of a summary PDF (docs/performance.md). While a printable document is open, the
// default page gets the size and margins of the named page it prints on, copied from print.css
// (one source), so the first layout is already the right one. Through the CSSOM (a constructed
// style sheet), which the strict Content-Security-Policy allows.

/** The part of a CSSPageRule this needs (a plain object in unit tests). */
export interface PageRuleLike {
  selectorText: string
  style: { getPropertyValue(name: string): string }
}

/** The default-page rule matching the named page `name`, or null when print.css has no such page. */
export function defaultPageRule(rules: Iterable<PageRuleLike>, name: string): string | null {
  for (const rule of rules) {
    if (rule.selectorText !== name) continue
    const size = rule.style.getPropertyValue('size').trim()
    const margin = rule.style.getPropertyValue('margin').trim()
    const parts = [size && `size: ${size};`, margin && `margin: ${margin};`].filter(Boolean)
    return parts.length > 0 ? `@page { ${parts.join(' ')} }` : null
  }
  return null
}

function pageRules(): PageRuleLike[] {
  const out: PageRuleLike[] = []
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList
    try {
      rules = sheet.cssRules
    } catch {
      continue // a sheet from elsewhere cannot be read; ours always can
    }
    for (const rule of Array.from(rules)) if (rule instanceof CSSPageRule) out.push(rule)
  }
  return out
}

/** Gives the default page the named page's size and margins while the document is open; returns the undo. */
export function matchDefaultPage(name: string): () => void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return () => undefined
  const text = defaultPageRule(pageRules(), name)
  if (!text) return () => undefined
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(text)
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
  }
}
