/**
 * A set of listeners to tell of a change: the one small pattern behind every
 * `subscribe` in this package (the client's state, sync's status, the
 * account snapshot), so each module only says when something changed.
 */
export interface Listeners<A extends unknown[] = []> {
  /** Adds a listener; returns the function that removes it. */
  add(listener: (...args: A) => void): () => void;
  /** Calls every listener, in the order they were added. */
  emit(...args: A): void;
  clear(): void;
}

export function listeners<A extends unknown[] = []>(): Listeners<A> {
  const all = new Set<(...args: A) => void>();
  return {
    add(listener) {
      all.add(listener);
      return () => {
        all.delete(listener);
      };
    },
    emit(...args) {
      for (const l of all) l(...args);
    },
    clear() {
      all.clear();
    },
  };
}
