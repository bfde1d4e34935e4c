// Types of fault-proxy.mjs.
import type { IncomingMessage } from 'node:http';
export type Fault = { status: number } | { html: true } | { garbage: true } | { stall: true } | null;
export interface FaultProxy {
  url: string;
  seen: Array<{ method?: string; url?: string; fault: string | null }>;
  setFault(f: (req: IncomingMessage) => Fault): void;
  close(): Promise<void>;
}
export function startFaultProxy(
  target: string,
  fault?: (req: IncomingMessage) => Fault,
  opts?: { delayMs?: number },
): Promise<FaultProxy>;
