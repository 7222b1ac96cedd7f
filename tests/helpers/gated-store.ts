/** A store whose calls wait at a gate the test opens: slow or concurrent store behaviour without sleeps. */
import type { Store } from '../../src/store/store.ts';

export interface GatedStore extends Store {
  /** Calls that reached the store and are waiting at the gate. */
  readonly waiting: number;
  /** Let every waiting and later call through. */
  open(): void;
  /** Resolves when `n` calls are waiting at the gate. */
  whenWaiting(n: number): Promise<void>;
}

export function gateStore(inner: Store): GatedStore {
  let opened = false;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let waiting = 0;
  const watchers: { n: number; resolve: () => void }[] = [];
  const pass = async <T>(call: () => Promise<T>): Promise<T> => {
    if (!opened) {
      waiting += 1;
      for (const w of watchers.filter((w) => w.n <= waiting)) w.resolve();
      await gate;
      waiting -= 1;
    }
    return call();
  };
  return {
    kind: inner.kind,
    get waiting() {
      return waiting;
    },
    get: (key) => pass(() => inner.get(key)),
    set: (key, value, ttl) => pass(() => inner.set(key, value, ttl)),
    delete: (key) => pass(() => inner.delete(key)),
    scan: (prefix) => pass(() => inner.scan(prefix)),
    sweepExpired: (limit) => pass(() => inner.sweepExpired(limit)),
    close: () => inner.close(),
    open() {
      opened = true;
      release();
    },
    whenWaiting(n) {
      return n <= waiting ? Promise.resolve() : new Promise((resolve) => watchers.push({ n, resolve }));
    },
  };
}
