/**
 * Answers read from the workspace, kept until the workspace changes. Between two screenings the findings, the
 * evidence of a finding and the overview's aggregates do not change, and many people look at the same ones: a
 * bureau's analysts open the same first pages and the same top findings. Any write to the workspace (a screening,
 * an import, a decision's status, recomputed warnings) calls `invalidate()` once it is committed, and everything
 * read before is dropped; an answer still being computed then is given to those who asked but not kept.
 *
 * Bounded: entries carry a weight (about one per small answer, more for long fee-line lists) and the least
 * recently used go first, so the server's memory stays flat however many different pages are asked for.
 * Concurrent asks for the same key share one computation.
 */
export class ReadCache {
  private generation = 0;
  private readonly entries = new Map<string, { value: Promise<unknown>; weight: number }>();
  private total = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxWeight = 4000) {}

  /** The workspace changed (and the change is committed): nothing read before is an answer any more. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.total = 0;
  }

  get<T>(key: string, compute: () => Promise<T>, weigh: (value: T) => number = () => 1): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    this.misses++;
    const generation = this.generation;
    const value = compute();
    const entry = { value: value as Promise<unknown>, weight: 1 };
    this.entries.set(key, entry);
    this.total += 1;
    this.evict();
    value.then(
      (v) => {
        if (generation !== this.generation || this.entries.get(key) !== entry) return;
        const weight = Math.max(1, weigh(v));
        this.total += weight - entry.weight;
        entry.weight = weight;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) {
          this.entries.delete(key);
          this.total -= entry.weight;
        }
      },
    );
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    for (const [key, e] of this.entries) {
      if (this.total <= this.maxWeight) break;
      this.entries.delete(key);
      this.total -= e.weight;
    }
  }
}
