/** Cooperative yielding for long builds, so a reload never blocks the event loop for long. */

/** How long a build may hold the event loop before it yields. */
export const SLICE_MS = 4;

let sliceStart = performance.now();

/** Yields to the event loop when the current slice has run longer than `SLICE_MS`. */
export async function yieldToEventLoop(force = false): Promise<void> {
  if (!force && performance.now() - sliceStart < SLICE_MS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  sliceStart = performance.now();
}
