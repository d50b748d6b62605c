// The printed page's running head and footer live in @page margin boxes (print.css), which can
// only show CSS values: the summary sets them as custom properties on the root element while it
// is open. Set through the CSSOM, so the strict Content-Security-Policy allows it.

/** A CSS string literal (quotes and backslashes escaped, line breaks removed). */
export function cssString(text: string): string {
  return `"${text.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

export function setPrintPageVars(vars: { head: string; disclaimer: string }): () => void {
  const root = document.documentElement.style
  root.setProperty('--print-running-head', cssString(vars.head))
  root.setProperty('--print-disclaimer', cssString(vars.disclaimer))
  return () => {
    root.removeProperty('--print-running-head')
    root.removeProperty('--print-disclaimer')
  }
}
