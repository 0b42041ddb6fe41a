import { useSyncSnapshot } from "../../app/sync-context.tsx";

/** Whether this running app just erased the device because another device signed it out. */
export function useErasedElsewhere(): boolean {
  return useSyncSnapshot().erasedElsewhere === true;
}
