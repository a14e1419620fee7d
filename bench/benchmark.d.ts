declare module 'benchmark' {
  interface Target {
    name?: string;
    hz?: number;
    stats: { rme: number; mean: number };
  }
  interface Event {
    target: Target;
  }
  class Suite {
    add(name: string, fn: () => void): this;
    on(event: 'cycle' | 'complete', fn: (e: Event) => void): this;
    run(opts?: { async?: boolean }): this;
  }
  const Benchmark: { Suite: typeof Suite };
  export default Benchmark;
}
