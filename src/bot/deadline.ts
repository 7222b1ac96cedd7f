/**
 * Discord drops an interaction whose first answer (reply or defer) has not arrived within 3 s. A command that
 * must wait on something slow (the store: up to STORE_TIMEOUT_MS per call, several calls) wraps each wait in
 * `within`: once `afterMs` have passed since the guard was made and the wait is still going, the reply is
 * deferred there and then, and the wait goes on behind the deferral. The first answer so goes out at about
 * `afterMs` plus one round trip whatever the store does.
 */
export interface DeadlineGuard {
  /** Resolves or rejects as `work` does; defers the reply meanwhile if `work` outlives the budget. */
  within<T>(work: Promise<T>): Promise<T>;
  /** Defer now unless already done (e.g. before a long synchronous step). */
  deferNow(): Promise<void>;
  readonly deferred: boolean;
}

export function createDeadlineGuard(
  defer: () => Promise<unknown>,
  afterMs: number,
  started = Date.now(),
): DeadlineGuard {
  let deferral: Promise<void> | null = null;
  const deferNow = () => (deferral ??= defer().then(() => undefined));
  return {
    get deferred() {
      return deferral !== null;
    },
    deferNow,
    async within<T>(work: Promise<T>): Promise<T> {
      if (deferral !== null) return work;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), Math.max(0, afterMs - (Date.now() - started)));
      });
      const settled = work.then(
        () => 'settled' as const,
        () => 'settled' as const,
      );
      const first = await Promise.race([settled, late]);
      clearTimeout(timer);
      if (first === 'late') await deferNow();
      return work;
    },
  };
}
