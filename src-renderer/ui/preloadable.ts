import { createElement, use, type ComponentType } from 'react';

export interface Preloadable<P extends object> {
  (props: P): ReturnType<typeof createElement>;
  /** Starts loading the component's code (once); resolves when it can render without suspending. */
  preload(): Promise<void>;
}

/**
 * A component whose code is split off like React.lazy's, but which can be loaded ahead of its
 * first render. Once loaded it renders at once, without suspending: React 19 holds content that
 * comes out of a Suspense fallback back for up to 300 ms (so that loading states do not flicker),
 * which on opening a workspace was most of the time to the Findings grid's first rows. Until it is
 * loaded it suspends like React.lazy, so the Suspense fallback still shows on a slow start.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let component: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (c) => {
        component = c;
      },
      (e: unknown) => {
        loading = null; // a later render may try again
        throw e;
      },
    ));
  function Preloaded(props: P) {
    if (!component) use(preload());
    return createElement(component as ComponentType<P>, props);
  }
  return Object.assign(Preloaded, { preload });
}
