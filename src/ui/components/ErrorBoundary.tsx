import { Component, type ReactNode } from 'react';

interface Props {
  /** What this part of the page is, for the message ("The saved runs"). */
  part: string;
  children: ReactNode;
}

/** A part of the page that throws while rendering shows why, with Try again; the rest stays alive. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="card">
        <div className="alert" role="alert" data-testid="part-failed">
          <p>
            {this.props.part} could not be shown: {error.message || String(error)}. The rest of the page still
            works.
          </p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </section>
    );
  }
}
