import { useLocation } from "wouter";
import { useToast } from "./Toast.tsx";

/**
 * What a screen does once something is saved or removed and the screen is
 * done: says so (`words`, in a toast) and goes where the person goes next
 * (`to`: what was saved, or the list once an entry is removed).
 */
export function useSaved(): (words: string, to: string) => void {
  const toast = useToast();
  const [, navigate] = useLocation();
  return (words, to) => {
    toast.show(words);
    navigate(to);
  };
}
