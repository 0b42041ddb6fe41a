/**
 * Moving the record between the plain and the sealed database, crash-safe.
 *
 * Turning on:  1. delete any sealed database left from before;
 *              2. copy plain → sealed (every value sealed);
 *              3. write "on" (and the wrapped key) in the lock database: the commit;
 *              4. tell other tabs; 5. delete the plain database.
 * Turning off: 1. delete any plain database left from before;
 *              2. copy sealed → plain;
 *              3. write "off" in the lock database: the commit;
 *              4. tell other tabs; 5. delete the sealed database.
 *
 * Cut short anywhere, the lock database says which copy is the record: on
 * opening, `settleDatabases` deletes the other one. Lock on and a plain
 * database still there: a turn-on that stopped after its commit (finish it),
 * or a turn-off before its commit (undo it). Lock off and a sealed database:
 * the reverse. The record is whole in the database the lock names at every
 * step, because the copy is finished before the commit.
 */
import { deleteDB } from "idb";
import { DEVICE_DATABASES } from "../device-databases.ts";
import { openRecordDb, type RecordLayout } from "../record-storage.ts";

/**
 * Deletes a database. Resolves once it is gone, or once IndexedDB says other
 * tabs hold it open: the deletion then finishes when they close it (they
 * reload when told), and anything opening it meanwhile waits until then.
 */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    deleteDB(name, { blocked: () => resolve() }).then(() => resolve(), reject);
  });
}

/** Copies the whole record from one database into another, emptied first. */
export async function copyRecord(from: RecordLayout, to: RecordLayout): Promise<void> {
  await deleteDatabase(to.name);
  const source = await openRecordDb(from);
  const contents = await from.readRecord(source).finally(() => source.close());
  const target = await openRecordDb(to);
  await to.writeRecord(target, contents).finally(() => target.close());
}

/** Finishes or undoes a move that was cut short: keeps only the database the lock names. */
export function settleDatabases(lockOn: boolean): Promise<void> {
  return deleteDatabase(lockOn ? DEVICE_DATABASES.plain : DEVICE_DATABASES.sealed);
}
