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

/**
 * Runs a generator whose every `yield` marks a safe place to pause, handing the event loop back when the
 * slice is used up. Generators yield often and cheaply; this decides by the clock when to really pause.
 */
export async function runSliced<T>(steps: Generator<void, T>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    await yieldToEventLoop();
    step = steps.next();
  }
  return step.value;
}

/** Runs the same generator straight through, for callers that want the result now (tests, small corpora). */
export function runAtOnce<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
