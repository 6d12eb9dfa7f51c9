import type { AnchorCertificate, AnchorComparison, AnchorFinding, ChainTip } from '../../src-shared/contract/verify';
import type { Store } from '../store/store';

// An anchor is a certificate kept outside the workstation. Hash chains show a row edited or taken
// from the middle, but not rows cut off the end: the shorter chain is still a valid chain. Against
// an anchor they show: the row that ended the chain then must still be there with the same hash,
// and the chain must be at least as long. Rows added and cut again after the anchor, before the
// next one, stay invisible; that is why auditors keep the latest certificate.

/** Today's hash of each anchored chain's anchored last row, or null when that row is gone. */
export type AnchoredRowHashes = Record<string, string | null>;

function compareChain(chain: string, anchored: ChainTip, today: ChainTip | undefined, rowHash: string | null): AnchorFinding {
  const cut = (detail: string): AnchorFinding => ({ chain, ok: false, detail });
  if (!today) return cut(`the ${chain} chain is missing`);
  if (today.length < anchored.length) {
    return cut(`the ${chain} chain was cut: ${today.length} rows, the anchor has ${anchored.length}`);
  }
  if (anchored.lastId !== null) {
    const row = `${today.table}#${anchored.lastId}`;
    if (rowHash === null) return cut(`the ${chain} chain was cut: ${row}, its last row at the anchor, is gone`);
    if (rowHash !== anchored.head) return cut(`the ${chain} chain was rewritten: ${row} no longer has the anchored hash`);
  }
  const grown = today.length - anchored.length;
  return { chain, ok: true, detail: `${today.length} rows, extends the anchor${grown > 0 ? ` by ${grown}` : ' unchanged'}` };
}

/**
 * Whether today's chains extend the anchor's: for each anchored chain, its last row still holds
 * the anchored hash (`rowHashes`, read today) and the chain is at least as long.
 */
export function compareWithAnchor(anchor: AnchorCertificate, today: Record<string, ChainTip>, rowHashes: AnchoredRowHashes): AnchorComparison {
  const findings = Object.entries(anchor.chains).map(([chain, anchored]) => compareChain(chain, anchored, today[chain], rowHashes[chain] ?? null));
  return { ok: findings.every((f) => f.ok), anchorTakenAt: anchor.takenAt, anchorTakenBy: anchor.takenBy, findings };
}

/**
 * Reads today's hash of each anchored last row. The table comes from today's verify, never from
 * the anchor, which is only data a person handed in.
 */
export function readAnchoredRows(store: Store, anchor: AnchorCertificate, today: Record<string, ChainTip>): AnchoredRowHashes {
  const hashes: AnchoredRowHashes = {};
  for (const [chain, anchored] of Object.entries(anchor.chains)) {
    const tip = today[chain];
    if (!tip || anchored.lastId === null) continue;
    const row = store.sqlite.prepare<[number], { hash: string }>(`SELECT hash FROM ${tip.table} WHERE id = ?`).get(anchored.lastId);
    hashes[chain] = row?.hash ?? null;
  }
  return hashes;
}
