/**
 * Watches the event loop (and the heap) while a reload runs, for the bench. A 1 ms timer measures each gap
 * between its ticks; the worst gap is the worst stall. On a shared machine a gap also grows while another
 * process holds the CPU, so on Linux each gap's on-CPU time of this process's main thread is read from
 * /proc (schedstat, in nanoseconds): "on CPU" is what the code itself held the loop, the rest was waiting for a core.
 */
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';

export interface StallWatch {
  /** Stops the timer and returns what it saw. */
  stop(): StallFigures;
}

export interface StallFigures {
  /** Longest gap between 1 ms ticks, minus the 1 ms period (wall clock). */
  readonly worstStallMs: number;
  /** Of that gap, the time the main thread was on a CPU; null where /proc is not available. */
  readonly worstStallOnCpuMs: number | null;
  /** Longest on-CPU time of the main thread within one gap (the work that held the loop); null without /proc. */
  readonly worstOnCpuMs: number | null;
  /** Highest `jsMemoryBytes` (heap in use plus external memory) seen while watching (sampled every tick). */
  readonly peakHeapBytes: number;
  /** Highest resident set size seen while watching (sampled every 10 ticks), in bytes. */
  readonly peakRssBytes: number;
}

/**
 * The memory JavaScript holds: V8's heap in use plus its external memory. The index keeps its postings and
 * pairs in typed arrays, whose contents live outside the heap (tens of MB at 100k passages): the heap alone
 * leaves them out of both the final corpus and the peak.
 */
export function jsMemoryBytes(): number {
  const heap = getHeapStatistics();
  return heap.used_heap_size + heap.external_memory;
}

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/** Main-thread on-CPU nanoseconds so far, or null where the kernel does not say. */
function onCpuNs(): number | null {
  try {
    return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

/** Starts watching; call `stop()` after the work (and one more tick, so a stall at its very end is seen). */
export function watchStalls(): StallWatch {
  let last = performance.now();
  let lastCpu = onCpuNs();
  let worst = 0;
  let worstCpu: number | null = lastCpu === null ? null : 0;
  let maxCpu: number | null = worstCpu;
  let peakHeap = jsMemoryBytes();
  let peakRss = process.memoryUsage.rss();
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = onCpuNs();
    const gap = now - last - 1;
    const gapCpu = cpu !== null && lastCpu !== null ? (cpu - lastCpu) / 1e6 : null;
    if (gap > worst) {
      worst = gap;
      worstCpu = gapCpu;
    }
    if (gapCpu !== null && maxCpu !== null) maxCpu = Math.max(maxCpu, gapCpu);
    peakHeap = Math.max(peakHeap, jsMemoryBytes());
    if (++ticks % 10 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
    last = performance.now();
    lastCpu = onCpuNs();
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      return {
        worstStallMs: Math.max(0, worst),
        worstStallOnCpuMs: worstCpu,
        worstOnCpuMs: maxCpu,
        peakHeapBytes: peakHeap,
        peakRssBytes: Math.max(peakRss, process.memoryUsage.rss()),
      };
    },
  };
}
