import { getMetrics } from "@/lib/metrics/get-metrics";

export { setActiveSessionsSource } from "@/lib/metrics/set-active-sessions-source";

/** The Prometheus text exposition of this process's registry, with its content type. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const { registry } = getMetrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
