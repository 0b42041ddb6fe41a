/**
 * A map that a copy shares with its original: the collections of the folded
 * state, so that one new note on a 100,000-entry record costs a few small
 * maps, not a copy of 75,000 notes (issue 15).
 *
 * It reads and iterates exactly like a native `Map` (same insertion order:
 * a changed key keeps its place, a deleted and re-added one goes last). While
 * nobody shares it, it is one native map. `copy()` turns both the original
 * and the copy into layers over that map, which from then on nobody changes
 * (the base): each one's changes go to its own small layers (changed values,
 * removed keys, added keys). When the layers grow past a fraction of the
 * base, the map folds them back into a private native map, so reads stay one
 * or two lookups and a copy stays cheap: amortised O(1) per write.
 *
 * Values are never `undefined` in the state; the map allows it all the same.
 */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  /** Everything, when not layered; else the shared base, never changed again. */
  #base: Map<K, V>;
  /** The base is shared: writes go to the layers. */
  #layered = false;
  /** The layers are empty: reads go to the base alone. */
  #direct = true;
  /** Base keys whose value changed, and the new value. */
  #changed = new Map<K, V>();
  /** Base keys that are gone (a re-added one is also in `#added`). */
  #removed = new Set<K>();
  /** Keys not in the base, or re-added after removal, in insertion order. */
  #added = new Map<K, V>();
  #writes = 0;

  constructor(entries?: Iterable<readonly [K, V]>) {
    this.#base = new Map(entries);
  }

  /** A map that shares `map`'s entries when it is a `LayeredMap`, else a copy of them. */
  static of<K, V>(map: ReadonlyMap<K, V>): LayeredMap<K, V> {
    return map instanceof LayeredMap ? map.copy() : new LayeredMap(map);
  }

  /** An independent copy: O(size of the layers), the base is shared. */
  copy(): LayeredMap<K, V> {
    if (this.#layersSize() > compactAbove(this.#base.size)) this.#flatten();
    this.#layered = true;
    const out = new LayeredMap<K, V>();
    out.#base = this.#base;
    out.#layered = true;
    out.#direct = this.#direct;
    if (!this.#direct) {
      out.#changed = new Map(this.#changed);
      out.#removed = new Set(this.#removed);
      out.#added = new Map(this.#added);
    }
    return out;
  }

  /** Whether `set` or `delete` ran on this map since it was made or copied. */
  get written(): boolean {
    return this.#writes > 0;
  }

  get size(): number {
    if (!this.#layered) return this.#base.size;
    return this.#base.size - this.#removed.size + this.#added.size;
  }

  get(key: K): V | undefined {
    if (this.#direct) return this.#base.get(key);
    if (this.#added.has(key)) return this.#added.get(key);
    if (this.#removed.has(key)) return undefined;
    if (this.#changed.has(key)) return this.#changed.get(key);
    return this.#base.get(key);
  }

  has(key: K): boolean {
    if (this.#direct) return this.#base.has(key);
    return this.#added.has(key) || (!this.#removed.has(key) && this.#base.has(key));
  }

  set(key: K, value: V): this {
    this.#writes++;
    if (!this.#layered) {
      this.#base.set(key, value);
      return this;
    }
    this.#direct = false;
    if (this.#added.has(key)) this.#added.set(key, value);
    else if (!this.#removed.has(key) && this.#base.has(key)) this.#changed.set(key, value);
    else this.#added.set(key, value);
    if (this.#layersSize() > compactAbove(this.#base.size)) this.#flatten();
    return this;
  }

  delete(key: K): boolean {
    this.#writes++;
    if (!this.#layered) return this.#base.delete(key);
    if (this.#added.delete(key)) return true;
    if (this.#removed.has(key) || !this.#base.has(key)) return false;
    this.#direct = false;
    this.#removed.add(key);
    this.#changed.delete(key);
    if (this.#layersSize() > compactAbove(this.#base.size)) this.#flatten();
    return true;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) callback.call(thisArg, v, k, this);
  }

  entries(): MapIterator<[K, V]> {
    if (this.#direct) return this.#base.entries();
    return this.#layeredEntries() as unknown as MapIterator<[K, V]>;
  }

  keys(): MapIterator<K> {
    if (this.#direct) return this.#base.keys();
    return mapIterator(this.#layeredEntries(), ([k]) => k);
  }

  values(): MapIterator<V> {
    if (this.#direct) return this.#base.values();
    return mapIterator(this.#layeredEntries(), ([, v]) => v);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  /** Reads as a Map to people and tools (test diffs print its entries). */
  get [Symbol.toStringTag](): string {
    return "Map";
  }

  *#layeredEntries(): Generator<[K, V], undefined, unknown> {
    const changed = this.#changed;
    const removed = this.#removed;
    for (const entry of this.#base) {
      const key = entry[0];
      if (removed.has(key)) continue;
      yield changed.has(key) ? [key, changed.get(key) as V] : entry;
    }
    yield* this.#added;
  }

  #layersSize(): number {
    return this.#changed.size + this.#removed.size + this.#added.size;
  }

  /** Folds the layers into a private native map: this map is no longer layered. */
  #flatten(): void {
    this.#base = new Map(this.#layeredEntries());
    this.#layered = false;
    this.#direct = true;
    this.#changed = new Map();
    this.#removed = new Set();
    this.#added = new Map();
  }
}

/** Layers larger than this fold back into one map: small enough to copy in well under a millisecond. */
function compactAbove(baseSize: number): number {
  return 64 + (baseSize >>> 5);
}

function* mapped<T, U>(items: Iterator<T>, f: (item: T) => U): Generator<U, undefined, unknown> {
  for (let r = items.next(); !r.done; r = items.next()) yield f(r.value);
}

function mapIterator<T, U>(items: Iterator<T>, f: (item: T) => U): MapIterator<U> {
  return mapped(items, f) as unknown as MapIterator<U>;
}
