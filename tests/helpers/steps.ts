/** Runs a sliced step generator (a build or a reload step) to its end by hand: its value and how often it paused. */
export function drain<T>(steps: Generator<void, T>): { value: T; pauses: number } {
  let pauses = 0;
  let step = steps.next();
  while (!step.done) {
    pauses++;
    step = steps.next();
  }
  return { value: step.value, pauses };
}
