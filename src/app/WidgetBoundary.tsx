/**
 * Keeps one failing widget from taking the page down: its error shows in place, with a
 * retry, while everything around it keeps working.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  name: string;
  children: ReactNode;
}

export class WidgetBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="panel widget-error" role="alert">
        <p className="error">“{this.props.name}” could not be shown: {this.state.error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>
      </div>
    );
  }
}
