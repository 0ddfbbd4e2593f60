// When may the explorer fetch DuckDB-WASM (about 8 MB compressed) without being asked? Only when the
// page is idle and the connection is known to be fast and not metered. A reader on a phone on a train
// (slow, "save data", cellular, or a browser that does not say) gets the engine when they use the SQL
// box. Network Information API: https://wicg.github.io/netinfo/ (Chromium only; absent elsewhere).

export interface ConnectionInfo {
  effectiveType?: string; // "slow-2g" | "2g" | "3g" | "4g"
  downlink?: number; // Mbit/s estimate
  saveData?: boolean;
  type?: string; // "cellular", "wifi", "ethernet" … (Chromium on Android and ChromeOS)
}

/** Lowest estimated downlink at which the engine is fetched unasked. */
export const PRELOAD_MIN_MBITS = 5;

export type PreloadDecision = { preload: true } | { preload: false; reason: string };

export function preloadDecision(connection: ConnectionInfo | undefined | null): PreloadDecision {
  if (!connection) return { preload: false, reason: "okänd anslutning" };
  if (connection.saveData) return { preload: false, reason: "datasparläge" };
  if (connection.type === "cellular") return { preload: false, reason: "mobilnät" };
  if (connection.effectiveType !== "4g") return { preload: false, reason: "långsam anslutning" };
  if (!(typeof connection.downlink === "number" && connection.downlink >= PRELOAD_MIN_MBITS)) {
    return { preload: false, reason: "långsam anslutning" };
  }
  return { preload: true };
}
