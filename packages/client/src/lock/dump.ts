/**
 * Every key and value of one IndexedDB database as text, the way someone
 * holding the device could read it (tests only: "is anything readable left?").
 * Bytes are shown both as UTF-8 and as Latin-1, so text hidden inside a
 * binary value is found too.
 */
import { openDB } from "idb";

export interface Dump {
  readonly stores: string[];
  readonly records: number;
  readonly text: string;
}

function show(value: unknown): string {
  if (value instanceof Uint8Array) {
    const latin1 = Array.from(value, (b) => String.fromCharCode(b)).join("");
    return `${new TextDecoder("utf-8").decode(value)}\n${latin1}`;
  }
  if (value instanceof ArrayBuffer) return show(new Uint8Array(value));
  if (Array.isArray(value)) return value.map(show).join("\n");
  if (value !== null && typeof value === "object") {
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join("\n");
  }
  return String(value);
}

export async function dumpDatabase(name: string): Promise<Dump> {
  const db = await openDB(name);
  const stores = [...db.objectStoreNames];
  const lines: string[] = [];
  let records = 0;
  for (const store of stores) {
    const [keys, values] = await Promise.all([db.getAllKeys(store), db.getAll(store)]);
    records += keys.length;
    keys.forEach((key, i) => {
      lines.push(`${store} ${show(key)} ${show(values[i])}`);
    });
  }
  db.close();
  return { stores, records, text: lines.join("\n") };
}
