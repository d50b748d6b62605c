// Catches an error while a screen loads or renders, so the surgeon sees a plain message and a way
// back instead of a blank window or a stack trace. Stored plans are untouched by such an error:
// everything typed is autosaved as it is entered.
import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** Changing it (e.g. the route) clears the error. */
  resetKey: string
  children: ReactNode
}

interface State {
  failed: boolean
}

export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false })
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // For developers only (devtools console); never shown on screen.
    console.error('OsseoPlan screen error', error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <section className="page" role="alert">
        <h1>This screen could not be shown</h1>
        <p>Your stored plans are not affected: everything you typed was saved as you entered it.</p>
        <p>
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            Reload OsseoPlan
          </button>{' '}
          <a href="#/plans">Back to the plan library</a>
        </p>
      </section>
    )
  }
}
