import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";

interface ToastItem {
  readonly id: number;
  readonly text: string;
  readonly action?: { readonly label: string; readonly run: () => void };
}

interface ToastApi {
  show(text: string, action?: ToastItem["action"]): void;
}

const ToastContext = createContext<ToastApi>({ show: () => {} });

/** How long a message stays; long enough to reach "Undo" with a thumb. */
const VISIBLE_MS = 10_000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<ToastItem | null>(null);
  const next = useRef(1);
  const timer = useRef<number | undefined>(undefined);

  const show = useCallback<ToastApi["show"]>((text, action) => {
    window.clearTimeout(timer.current);
    const id = next.current++;
    setToast(action ? { id, text, action } : { id, text });
    timer.current = window.setTimeout(() => setToast((t) => (t?.id === id ? null : t)), VISIBLE_MS);
  }, []);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <ToastContext.Provider value={{ show }}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {toast && (
          <div className="toast" key={toast.id}>
            <span>{toast.text}</span>
            {toast.action && (
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  const run = toast.action!.run;
                  setToast(null);
                  run();
                }}
              >
                {toast.action.label}
              </button>
            )}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  return useContext(ToastContext);
}
