import { Component, type ErrorInfo, type ReactNode, Suspense, useEffect, useState } from "react";
import { useT } from "../i18n/i18n.tsx";

/** Quiet while a screen's code arrives; a line of text only if it takes a while. */
function ScreenLoading() {
  const t = useT();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), 400);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p className="loading" aria-busy="true">
      {slow ? t("app.screenLoading") : null}
    </p>
  );
}

function ScreenFailed() {
  const t = useT();
  return (
    <div className="setup-card" role="alert">
      <h1>{t("app.screenFailed.title")}</h1>
      <p>{t("app.screenFailed.body")}</p>
      <button type="button" className="button button-primary" onClick={() => location.reload()}>
        {t("app.reload")}
      </button>
    </div>
  );
}

interface BoundaryState {
  failed: boolean;
}

/**
 * A screen whose code could not load (offline before the service worker had
 * it, a deploy that removed an old chunk) says so and offers a reload: never
 * a blank page. Going to another address tries again.
 */
class LoadBoundary extends Component<{ children: ReactNode; resetKey: string }, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) {
      this.setState({ failed: false });
    }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error("A screen failed to load or render", error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <ScreenFailed /> : this.props.children;
  }
}

/** Wraps screens loaded on demand: a calm wait, and a way out when loading fails. */
export function ScreenBoundary({ children, resetKey }: { children: ReactNode; resetKey: string }) {
  return (
    <LoadBoundary resetKey={resetKey}>
      <Suspense fallback={<ScreenLoading />}>{children}</Suspense>
    </LoadBoundary>
  );
}
