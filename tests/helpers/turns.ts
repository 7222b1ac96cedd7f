/** Counts event-loop turns (setImmediate callbacks) while `work` runs: how often it let the loop go on. */
export async function turnsDuring<T>(work: () => Promise<T> | T): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const turn = () => {
    turns++;
    if (running) setImmediate(turn);
  };
  setImmediate(turn);
  const value = await work();
  running = false;
  return { value, turns };
}
