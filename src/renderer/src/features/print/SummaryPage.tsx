// The printable plan summary (issue #6 fills this in).
export function SummaryPage({ planId }: { planId: string; revisionId?: string }) {
  return <section className="page">Summary of plan {planId} (not yet available)</section>
}
