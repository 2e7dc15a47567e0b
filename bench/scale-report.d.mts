// Types for scale-report.mjs, so that its test type-checks.
export interface Latency {
  p50: number;
  p99: number;
  /** The server closed the connection before answering (its idle timeout); p50 is when. */
  closed?: boolean;
}
export interface ScaleResult {
  dialect: string;
  tickets: number;
  seedSeconds?: number;
  ingestRate?: number;
  memory?: { rss: number; heap: number };
  metrics: Record<string, Latency | undefined>;
}
export const COSTS: { key: string; label: string; color: string }[];
export const BEGIN: string;
export const END: string;
export function scaleTable(results: ScaleResult[]): string;
export function scaleChart(results: ScaleResult[], options?: { searchTargetMs?: number }): string;
export function placeScaleBlock(doc: string, block: string): string;
