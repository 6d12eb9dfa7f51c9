import type { ChainTip, CheckResult } from '../../src-shared/contract/verify';
import type { Verifier, VerifyContext } from '../integrity/verifier';
import { failed, passed } from '../integrity/verifier';
import type { Store } from '../store/store';
import { GENESIS_HASH, chainHash } from '../audit/audit-chain';
import { CLOSING_REASONS, canonicalCheckpoint, type CheckpointReason, type CheckpointRow } from './checkpoints';
import { replayCertificates, type CertificateBook } from './staff-certificates';
import { checkpointHeadsFault, checkpointSignatureFault } from './checkpoint-holds';
import { Coverage, sessionsOf } from './session-spans';
import { RECOVERY_USERNAME } from '../staff/passphrase';

// verify's trust checks (issue 7, item 3):
// - trust.certificates: every staff certificate chains to the root and is signed by an admin
//   current at the time; each staff row's role and status are its person's certificate's.
// - trust.checkpoints: every checkpoint extends its chain; each person's newest, and every
//   opening and closing one, is signed by its signer under the certificate current for them at
//   its moment; and the heads the newest ones signed are still the rows' hashes today. That last
//   part is what holds against a key holder: recomputing the chains after an edit changes hashes
//   that somebody else signed.
// - trust.sessions: every row in someone's name lies in one of their signed sessions, so a key
//   holder cannot add rows in the name of someone who was not signed in.

interface StaffRow {
  id: number;
  username: string;
  role: string;
  status: string;
}

function checkCertificates(store: Store, book: CertificateBook): CheckResult {
  const name = 'trust.certificates';
  const counts = { certificates: book.count };
  if (book.fault) return failed(name, book.fault.detail, counts, 'staff_certificates', book.fault.id);
  const staff = store.sqlite.prepare('SELECT id, username, role, status FROM staff ORDER BY id').all() as StaffRow[];
  for (const row of staff) {
    const certificate = book.current.get(row.username);
    if (!certificate) return failed(name, `${row.username} has no staff certificate`, counts, 'staff', row.id);
    if (certificate.role !== row.role || certificate.status !== row.status) {
      return failed(name, `${row.username}'s role or status differs from their certificate #${certificate.id}`, counts, 'staff', row.id);
    }
  }
  const known = new Set(staff.map((row) => row.username));
  const stray = [...book.current.values()].find((certificate) => certificate.username !== RECOVERY_USERNAME && !known.has(certificate.username));
  if (stray) return failed(name, `certificate #${stray.id} names ${stray.username}, who is not on the staff`, counts, 'staff_certificates', stray.id);
  return passed(name, `${book.count} certificates chain to the trust fingerprint ${book.fingerprint ?? '(none yet)'}`, counts);
}

/**
 * The checkpoint chain, and the signatures that matter. Every checkpoint's hash is recomputed,
 * and each one signs its own hash, which covers every checkpoint before it; each signed head
 * covers every row before it. A person's Paydesk signs only after checking that their previous
 * checkpoint still holds, so their newest checkpoint vouches for all their older ones, and only
 * it needs its signature and heads checked here (a year of checkpoints every few minutes would
 * cost verify seconds at 73 µs a signature). The opening and closing checkpoints are all checked
 * too: they bracket the sessions that the session rule trusts.
 */
function checkCheckpoints(store: Store, book: CertificateBook): { check: CheckResult; tip: ChainTip; valid: CheckpointRow[] } {
  const name = 'trust.checkpoints';
  const certificates = [...book.byId.values()];
  let prevHash = GENESIS_HASH;
  const newestBySigner = new Map<string, CheckpointRow>();
  let fault: { id: number; detail: string } | null = null;
  const held: CheckpointRow[] = [];
  for (const row of store.sqlite.prepare('SELECT * FROM checkpoints ORDER BY id').iterate() as Iterable<CheckpointRow>) {
    if (row.id !== held.length + 1 || row.prev_hash !== prevHash || chainHash(prevHash, canonicalCheckpoint(row)) !== row.hash) {
      fault = { id: row.id, detail: `checkpoint ${row.id} does not match its hash or its place in the chain` };
      break;
    }
    const brackets = row.reason === 'open' || CLOSING_REASONS.includes(row.reason as CheckpointReason);
    const why = brackets ? checkpointSignatureFault(row, certificates) : null;
    if (why) {
      fault = { id: row.id, detail: why };
      break;
    }
    prevHash = row.hash;
    newestBySigner.set(row.signer, row);
    held.push(row);
  }
  if (!fault) {
    for (const row of [...newestBySigner.values()].sort((a, b) => a.id - b.id)) {
      const why = checkpointSignatureFault(row, certificates) ?? checkpointHeadsFault(store.sqlite, row);
      if (why) {
        fault = { id: row.id, detail: why };
        break;
      }
    }
  }
  const newest = held[held.length - 1];
  const tip: ChainTip = { table: 'checkpoints', length: held.length, lastId: newest?.id ?? null, head: prevHash };
  const counts = { checkpoints: held.length, signers: newestBySigner.size };
  if (fault) return { check: failed(name, fault.detail, counts, 'checkpoints', fault.id), tip, valid: held };
  const unsigned = unsignedTail(store, newest);
  return { check: passed(name, `${held.length} checkpoints by ${newestBySigner.size} people hold; not yet signed: ${unsigned}`, counts), tip, valid: held };
}

// Rows that record how a session or a folder came to be: written before the session's opening
// checkpoint (a sign-in, set-up, failed attempts recorded for whoever tried, a restore into a
// folder nobody was signed in to), so they are not held to the session rule.
const OPENING_ACTIONS = new Set(['setup.init', 'session.unlock', 'session.unlockWithRecoveryKey', 'session.unlockFailed', 'trust.foundRoot', 'backup.restore']);
/** Due tasks run as `system` inside whoever's session is open. */
const SYSTEM_ACTOR = 'system';

/**
 * Every audit row and transfer after the first checkpoint (rows before it are from before
 * signatures) lies inside a session of the person it names: between one of their opening
 * checkpoints and its closing one.
 */
function checkSessions(store: Store, checkpoints: CheckpointRow[], context: VerifyContext): CheckResult {
  const name = 'trust.sessions';
  const { bySigner, fault } = sessionsOf(checkpoints);
  const counts = { sessions: [...bySigner.values()].reduce((n, list) => n + list.length, 0) };
  if (fault) return failed(name, `checkpoint ${fault.id} does not belong to a session of ${fault.signer} that is still open`, counts, 'checkpoints', fault.id);
  const first = checkpoints[0];
  if (!first) return passed(name, 'no sessions signed yet', counts);
  const all = [...bySigner.values()].flat();
  const coverageOf = (chain: 'audit' | 'journal') => {
    const anyone = new Coverage(all.map((session) => session[chain]));
    const byActor = new Map([...bySigner].map(([signer, sessions]) => [signer, new Coverage(sessions.map((session) => session[chain]))]));
    return (actor: string) => (actor === SYSTEM_ACTOR ? anyone : byActor.get(actor));
  };

  const auditCoverage = coverageOf('audit');
  const auditRows = store.sqlite.prepare('SELECT id, actor, action FROM audit_log WHERE id > ? ORDER BY id').raw().iterate(first.audit_id) as Iterable<[number, string, string]>;
  for (const [id, actor, action] of auditRows) {
    if (OPENING_ACTIONS.has(action) || auditCoverage(actor)?.covers(id)) continue;
    return failed(name, `audit row ${id} is in ${actor}'s name, outside any session of theirs`, counts, 'audit_log', id);
  }

  // Each actor's first transfer outside their sessions; the lowest of those is named.
  const journalCoverage = coverageOf('journal');
  let outside: [number, string] | null = null;
  for (const [actor, ids] of journalActors(store, context)) {
    const coverage = journalCoverage(actor);
    const id = ids.find((candidate) => candidate > first.journal_id && !coverage?.covers(candidate));
    if (id !== undefined && (!outside || id < outside[0])) outside = [id, actor];
  }
  if (outside) return failed(name, `transfer ${outside[0]} is in ${outside[1]}'s name, outside any session of theirs`, counts, 'transfers', outside[0]);
  return passed(name, `every row since signatures began lies in a session of the person it names (${counts.sessions} sessions)`, counts);
}

/**
 * Each actor's transfer ids, in order. The ledger's replay has usually gathered them already
 * (reading the journal a second time costs seconds at 1M transfers); otherwise they are read here.
 */
function journalActors(store: Store, context: VerifyContext): Map<string, number[]> {
  if (context.journalActors) return context.journalActors;
  const actors = new Map<string, number[]>();
  for (const [id, actor] of store.sqlite.prepare('SELECT id, actor FROM transfers ORDER BY id').raw().iterate() as Iterable<[number, string]>) {
    const ids = actors.get(actor);
    if (ids) ids.push(id);
    else actors.set(actor, [id]);
  }
  return actors;
}

/** What the newest checkpoint does not cover yet, in words. */
function unsignedTail(store: Store, newest: CheckpointRow | undefined): string {
  const after = (table: string, id: number) => store.sqlite.prepare(`SELECT count(*) FROM ${table} WHERE id > ?`).pluck().get(id) as number;
  return `${after('transfers', newest?.journal_id ?? 0)} transfers, ${after('audit_log', newest?.audit_id ?? 0)} audit rows`;
}

export const trustVerifier: Verifier = {
  domain: 'trust',
  run(store, context) {
    const book = replayCertificates(store.sqlite);
    const certificates = checkCertificates(store, book);
    const checkpoints = checkCheckpoints(store, book);
    return {
      checks: [certificates, checkpoints.check, checkSessions(store, checkpoints.valid, context)],
      chains: { certificates: { table: 'staff_certificates', length: book.count, lastId: book.count || null, head: book.head.hash }, checkpoints: checkpoints.tip },
      trustFingerprint: book.fingerprint,
    };
  },
};
