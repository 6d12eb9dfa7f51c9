import { readFileSync } from 'node:fs';
import { openEncryptedDatabase } from '../src-main/store/open-database';
const sqlite = openEncryptedDatabase('/tmp/e/db100k/paydesk.db', Buffer.from(readFileSync('/tmp/e/key', 'utf8'), 'hex'));
function time(label: string, f: () => unknown) {
  f();
  const t = process.hrtime.bigint();
  let r: unknown;
  for (let i = 0; i < 10; i++) r = f();
  console.log(label, (Number(process.hrtime.bigint() - t) / 1e7).toFixed(2), 'ms', JSON.stringify(r).slice(0, 80));
}
const q = (s: string) => sqlite.prepare(s);
time('like count 王', () => q(`SELECT count(*) n FROM members INDEXED BY members_name WHERE name LIKE '%王%'`).get());
time('like count 鑫', () => q(`SELECT count(*) n FROM members INDEXED BY members_name WHERE name LIKE '%鑫%'`).get());
time('like ids 王', () => q(`SELECT id FROM members INDEXED BY members_name WHERE name LIKE '%王%'`).all().length);
time('instr count', () => q(`SELECT count(*) n FROM members INDEXED BY members_name WHERE instr(name, '王') > 0`).get());
time('page like 王', () => q(`SELECT m.id, m.name FROM members m WHERE m.id IN (SELECT id FROM members INDEXED BY members_name WHERE name LIKE '%王%') ORDER BY m.id LIMIT 50`).all().length);
time('page like 鑫', () => q(`SELECT m.id, m.name FROM members m WHERE m.id IN (SELECT id FROM members INDEXED BY members_name WHERE name LIKE '%鑫%') ORDER BY m.id LIMIT 50`).all().length);
time('fts 王小明', () => q(`SELECT count(*) FROM members_fts WHERE members_fts MATCH '"王鑫鑫"'`).get());
time('count all', () => q(`SELECT count(*) FROM members`).get());
time('phone prefix', () => q(`SELECT count(*) FROM members m WHERE m.id IN (SELECT id FROM members WHERE member_number >= '138' AND member_number < '139' UNION SELECT id FROM members WHERE phone >= '138' AND phone < '139')`).get());
console.log(q(`EXPLAIN QUERY PLAN SELECT m.id, m.name FROM members m WHERE m.id IN (SELECT id FROM members INDEXED BY members_name WHERE name LIKE '%王%') ORDER BY m.id LIMIT 50`).all());
