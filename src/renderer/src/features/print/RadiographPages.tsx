// The annotated radiographs of the plan, each on its own page after the summary pages (a plan
// without images prints exactly as before). The calibration is named and a scale bar drawn on
// the image itself; the caption repeats both.
import type { RadiographFigure } from './radiograph-figures'

export function RadiographPages({ figures }: { figures: readonly RadiographFigure[] }) {
  if (figures.length === 0) return null
  return (
    <>
      {figures.map((f) => (
        <section key={f.label} className="sum-radiograph" aria-labelledby={`sum-radiograph-${f.label}`} data-testid="summary-radiograph">
          <h2 id={`sum-radiograph-${f.label}`}>Annotated radiograph {f.label}</h2>
          {f.png && f.rendered ? (
            <figure>
              <img src={f.png} alt={`Radiograph ${f.label} with the planned implant at true size, ${f.rendered.calibrationText}`} />
              <figcaption>
                {f.rendered.calibrationText[0]!.toUpperCase() + f.rendered.calibrationText.slice(1)}.{' '}
                {f.rendered.scaleBarText ? `The scale bar on the image is ${f.rendered.scaleBarText}; the printed image itself is not to scale.` : 'No scale: the image is not calibrated.'} Red: the
                recommended implant with the prepared canal (dashed); orange: the longest implant the bone allows; yellow: the resection level; green: the soft-tissue target.
              </figcaption>
            </figure>
          ) : (
            <p className="sum-missing">{f.problem}</p>
          )}
        </section>
      ))}
    </>
  )
}
