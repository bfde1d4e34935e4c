// Hybrid logical clocks as sortable strings: wall-clock milliseconds (base 36, fixed width), a counter
// for changes within one millisecond, the device id. String order is time order; the device id makes
// every clock unique, so last-writer-wins never ties between devices. A device that reads a remote
// clock ticks past it (`observe`), so a change made after reading another device's change always
// sorts after it, even when this device's wall clock is behind. Pure: the caller persists the state.
import type { Clock } from './merge';

export interface ClockState {
  device: string;
  /** Milliseconds part of the latest clock issued or observed. */
  ms: number;
  /** Counter within that millisecond. */
  n: number;
}

const MS_WIDTH = 9; // base 36: enough for dates past year 5000
const N_WIDTH = 3;

export function formatClock(ms: number, n: number, device: string): Clock {
  return `${Math.max(0, Math.floor(ms)).toString(36).padStart(MS_WIDTH, '0')}${n
    .toString(36)
    .padStart(N_WIDTH, '0')}.${device}`;
}

/** Milliseconds and counter of a clock ('' and '0' read as 0). */
export function parseClock(c: Clock): { ms: number; n: number } {
  if (c.length < MS_WIDTH + N_WIDTH) return { ms: 0, n: 0 };
  return {
    ms: parseInt(c.slice(0, MS_WIDTH), 36) || 0,
    n: parseInt(c.slice(MS_WIDTH, MS_WIDTH + N_WIDTH), 36) || 0,
  };
}

/** The next clock: after every clock this device issued or observed, and not before `now`. */
export function tick(state: ClockState, now: number): Clock {
  if (now > state.ms) {
    state.ms = now;
    state.n = 0;
  } else state.n++;
  if (state.n >= 36 ** N_WIDTH) {
    state.ms++;
    state.n = 0;
  }
  return formatClock(state.ms, state.n, state.device);
}

/** Moves the clock past a clock read from another device. */
export function observe(state: ClockState, seen: Clock): void {
  const { ms, n } = parseClock(seen);
  if (ms > state.ms || (ms === state.ms && n > state.n)) {
    state.ms = ms;
    state.n = n;
  }
}

/** The clock of a change known only by its date (an article saved before sync was turned on). */
export function clockAt(ms: number, device: string): Clock {
  return formatClock(ms, 0, device);
}

/** A random id for a device (hex), also the name of its folder on the server. */
export function newDeviceId(): string {
  const b = new Uint8Array(8);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}
