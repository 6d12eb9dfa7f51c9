import { memberNumberFor } from '../src-shared/member-number';
import { createMembers } from '../src-main/members/member-service';
import { searchMembers } from '../src-main/members/member-search';
import { pick, samplePeople, seededRandom } from '../src-main/demo/sample-people';
import { elapsedMs, round, withTempStore, type Bench } from './support';

// members.search.100k and members.search.1m: p95 of 1,000 counter searches over 100,000 (and
// 1,000,000) members registered through the member service (its chunked bulk path): a third each
// CJK name substrings of 1–3 characters, phone prefixes of 3–8 digits, and member numbers (whole,
// or a prefix of 6–8 digits).
const SEARCHES = 1_000;

function searchTerms(names: string[], phones: string[], count: number, random: () => number): string[] {
  const cjk = names.filter((n) => /^\p{Script=Han}+$/u.test(n));
  return Array.from({ length: count }, (_, i) => {
    if (i % 3 === 0) {
      const name = [...pick(random, cjk)];
      const length = Math.min(name.length, 1 + Math.floor(random() * 3));
      const start = Math.floor(random() * (name.length - length + 1));
      return name.slice(start, start + length).join('');
    }
    if (i % 3 === 1) return pick(random, phones).slice(0, 3 + Math.floor(random() * 6));
    const number = memberNumberFor(1 + Math.floor(random() * names.length));
    return random() < 0.5 ? number : number.slice(0, 6 + Math.floor(random() * 3));
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A bench of `members` members; its figures are named `members.create.<size>` and `members.search.<size>`. */
function searchBench(members: number, size: string): Bench {
  const name = `members.search.${size}`;
  return {
    name,
    run: (emit) =>
      withTempStore((store) => {
        const people = samplePeople(seededRandom(3), members);
        const at = new Date('2026-01-01T00:00:00.000Z');
        const insertStart = process.hrtime.bigint();
        createMembers(store, 'bench', people.map((member) => ({ member, at })), 5_000);
        emit({ bench: `members.create.${size}`, value: round(elapsedMs(insertStart), 0), unit: 'ms' });

        const terms = searchTerms(people.map((p) => p.name), people.map((p) => p.phone), SEARCHES, seededRandom(5));
        const times: number[] = [];
        let found = 0;
        for (const query of terms) {
          const start = process.hrtime.bigint();
          found += searchMembers(store, { query, sort: 'memberNumber', direction: 'asc', offset: 0, limit: 50 }).total;
          times.push(elapsedMs(start));
        }
        times.sort((a, b) => a - b);
        process.stderr.write(`bench: ${name} p50 ${round(percentile(times, 50), 2)} ms, max ${round(times.at(-1)!, 2)} ms, ${found} hits\n`);
        emit({ bench: name, value: round(percentile(times, 95), 2), unit: 'ms', goal: 20 });
      }),
  };
}

export const membersSearch1m = searchBench(1_000_000, '1m');
export default searchBench(100_000, '100k');
