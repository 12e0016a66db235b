import { useDeferredValue, type ReactNode } from 'react';

/**
 * Renders its children one deferred render after the rest: the content around it is committed and painted first,
 * then React builds the children in a render of their own, in slices, and commits them apart (#17: a signed-in page's
 * first render was one long commit of the frame, its header and the whole screen). Nested, each level waits one more
 * render. For content below or beside what the user reads first, never for what fixes the layout's size.
 */
export function Later({ children }: { children: ReactNode }) {
  const ready = useDeferredValue(true, false);
  return ready ? children : null;
}
