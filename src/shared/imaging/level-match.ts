// Pairs measurements at levels along the bone (distances from the distal end, mm): each to the
// nearest partner, closest pairs first, one to one — so a list's order never decides which
// station a value belongs to.

/** Index in `from` → index in `to`; a level is left out with no partner within `maxApartMm`. */
export function matchByLevel(from: readonly (number | null)[], to: readonly (number | null)[], maxApartMm = Infinity): Map<number, number> {
  const pairs: { i: number; j: number; d: number }[] = []
  from.forEach((a, i) =>
    to.forEach((b, j) => {
      if (a === null || b === null) return
      const d = Math.abs(a - b)
      if (d <= maxApartMm + 1e-9) pairs.push({ i, j, d })
    })
  )
  pairs.sort((x, y) => x.d - y.d || x.i - y.i || x.j - y.j)
  const out = new Map<number, number>()
  const taken = new Set<number>()
  for (const p of pairs) {
    if (out.has(p.i) || taken.has(p.j)) continue
    out.set(p.i, p.j)
    taken.add(p.j)
  }
  return out
}
