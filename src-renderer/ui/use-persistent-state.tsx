import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from 'react';
import type { ZodType } from 'zod';
import { UiStateStore } from './ui-state';

const UiStateContext = createContext<UiStateStore>(new UiStateStore(null, ''));

/** Gives every view below it the current workspace's remembered state (App: one store per workspace). */
export function UiStateProvider({ store, children }: { store: UiStateStore; children: ReactNode }) {
  return <UiStateContext.Provider value={store}>{children}</UiStateContext.Provider>;
}

export const useUiStateStore = (): UiStateStore => useContext(UiStateContext);

/**
 * useState that the workspace remembers: read once when the component mounts (checked against its
 * schema), written back as it changes, a moment after the last change (scrolling writes often).
 */
export function usePersistentState<T>(
  key: string,
  initial: T | (() => T),
  schema: ZodType<T>,
  delayMs = 150,
): [T, Dispatch<SetStateAction<T>>] {
  const store = useUiStateStore();
  const [value, setValue] = useState<T>(() => {
    const saved = store.read(key, schema);
    if (saved !== undefined) return saved;
    return typeof initial === 'function' ? (initial as () => T)() : initial;
  });
  const first = useRef(true);
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => store.write(key, value), delayMs);
    return () => clearTimeout(timer);
  }, [store, key, value, delayMs]);
  // A change still waiting when the view closes (another tab chosen, the page hidden) is written then.
  useEffect(() => {
    const flush = () => {
      if (!first.current) store.write(key, latest.current);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [store, key]);
  return [value, useCallback<Dispatch<SetStateAction<T>>>((next) => setValue(next), [])];
}
