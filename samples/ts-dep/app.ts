// ts-dep: a TypeScript entry (types, an interface, an enum, a generic, a
// class) that imports a real npm package (ms, pinned in package-lock.json).
import ms from 'ms';

enum Level {
  Debug,
  Info = 10,
  Warn,
}

interface Job {
  name: string;
  every: string; // an ms duration string, e.g. "90s"
  level: Level;
  tags?: readonly string[];
}

class Queue<T extends { name: string }> {
  private readonly items: T[] = [];

  push(item: T): this {
    this.items.push(item);
    return this;
  }

  sortedBy<K extends keyof T>(key: K, compare: (a: T[K], b: T[K]) => number): T[] {
    return [...this.items].sort((a, b) => compare(a[key], b[key]));
  }

  get size(): number {
    return this.items.length;
  }
}

function describe(job: Job): string {
  const millis: number = ms(job.every);
  const tags = job.tags?.length ? ` [${job.tags.join(', ')}]` : '';
  return `${job.name.padEnd(8)} every ${ms(millis, { long: true })} (${millis} ms), level ${Level[job.level]}=${job.level}${tags}`;
}

const queue = new Queue<Job>()
  .push({ name: 'backup', every: '1d', level: Level.Warn, tags: ['disk', 'nightly'] })
  .push({ name: 'poll', every: '90s', level: Level.Debug })
  .push({ name: 'report', every: '2.5h', level: Level.Info });

console.log(`jobs: ${queue.size}`);
for (const job of queue.sortedBy('every', (a, b) => ms(a) - ms(b))) {
  console.log(describe(job));
}

const total: number = queue.sortedBy('name', () => 0).reduce((sum, job) => sum + ms(job.every), 0);
console.log(`total period: ${ms(total)} / ${ms(total, { long: true })}`);
console.log(`parse "1y": ${ms('1y')}, invalid: ${ms('soon')}`);
const levels = Object.keys(Level).filter((k) => Number.isNaN(Number(k)));
console.log(`levels: ${levels.join(' < ')}`);
