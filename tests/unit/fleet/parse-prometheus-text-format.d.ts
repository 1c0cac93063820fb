declare module 'parse-prometheus-text-format' {
  interface Sample {
    value: string
    labels?: Record<string, string>
  }
  interface MetricFamily {
    name: string
    help: string
    type: string
    metrics: Sample[]
  }
  /** Throws on text that is not in the Prometheus exposition format. */
  export default function parsePrometheusTextFormat(text: string): MetricFamily[]
}
