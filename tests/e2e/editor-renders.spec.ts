// One keystroke re-renders the field that changed and the plan, not the whole form (issue #14):
// counted through React's devtools hook (a stand-in installed before the app loads), by the
// `path` prop every bound field carries. Not timed: it counts which fields React rendered.
import { expect, test } from './fixtures'
import { enterCase, fid, loadCase, newPlan } from './editor-helpers'

interface RenderWindow {
  __rendered?: string[]
}

/** The form fields (by case-file path) rendered since the counter was last reset. */
function renderedFields(): string[] {
  const all = (window as unknown as RenderWindow).__rendered ?? []
  return [...new Set(all.filter((p) => document.querySelector(`.ed-form [data-path="${CSS.escape(p)}"]`) !== null))]
}

/** A minimal __REACT_DEVTOOLS_GLOBAL_HOOK__: after each commit, the `path` props of the components
 *  that rendered in it (React marks those fibers with PerformedWork, flag 1; as React's devtools
 *  do, a subtree whose child pointer did not change was skipped). */
function installRenderCounter(): void {
  const w = window as unknown as RenderWindow & Record<string, unknown>
  w.__rendered = []
  type Fiber = { child: Fiber | null; sibling: Fiber | null; flags: number; tag: number; memoizedProps: unknown; alternate: Fiber | null }
  const walk = (fiber: Fiber | null, out: string[]): void => {
    for (let f = fiber; f; f = f.sibling) {
      const props = f.memoizedProps as { path?: unknown } | null
      // Function and memo components (tags 0, 14, 15) that did work in this commit.
      if ((f.tag === 0 || f.tag === 14 || f.tag === 15) && (f.flags & 1) === 1 && f.alternate !== null && typeof props?.path === 'string') out.push(props.path)
      // A subtree React skipped keeps its old fibers (and their old flags): do not count it.
      if (f.alternate === null || f.child !== f.alternate.child) walk(f.child, out)
    }
  }
  w['__REACT_DEVTOOLS_GLOBAL_HOOK__'] = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => walk(root.current, w.__rendered!)
  }
}

test('a keystroke re-renders the field typed in, not the other fields of the form', async ({ page }) => {
  test.setTimeout(60_000)
  await page.addInitScript(installRenderCounter)
  await newPlan(page)
  await enterCase(page, loadCase('transfemoral'))
  await expect(page.getByTestId('plan-status')).toBeVisible()

  const weight = page.locator(fid('patient.weight'))
  await weight.click()
  await weight.press('End')
  await page.evaluate(() => ((window as unknown as RenderWindow).__rendered = []))
  await weight.press('.')
  await weight.press('5')
  await expect(page.getByTestId('plan-status')).toBeVisible()
  await expect(page.getByTestId('stale-label')).toHaveCount(0)
  await page.waitForTimeout(300)
  expect(await page.evaluate(renderedFields)).toEqual(['patient.weight'])

  // A station cell: only that cell, not its row neighbours or other stations.
  const cell = page.locator(fid('bone.stations[1].endosteal'))
  await cell.click()
  await cell.press('End')
  await page.evaluate(() => ((window as unknown as RenderWindow).__rendered = []))
  await cell.press('5')
  await page.waitForTimeout(300)
  expect(await page.evaluate(renderedFields)).toEqual(['bone.stations[1].endosteal'])
})
