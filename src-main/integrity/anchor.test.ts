import { describe, expect, it } from 'vitest';
import { CERTIFICATE_FORMAT, CERTIFICATE_VERSION, type AnchorCertificate, type ChainTip } from '../../src-shared/contract/verify';
import { compareWithAnchor } from './anchor';

const hash = (n: number) => n.toString(16).padStart(64, '0');
const journal = (length: number): ChainTip => ({ table: 'transfers', length, lastId: length || null, head: hash(length) });
const audit = (length: number): ChainTip => ({ table: 'audit_log', length, lastId: length || null, head: hash(1000 + length) });

function anchorOf(transfers: number, auditRows: number): AnchorCertificate {
  return {
    format: CERTIFICATE_FORMAT,
    version: CERTIFICATE_VERSION,
    takenAt: '2026-12-01T10:00:00.000Z',
    takenBy: 'audrey',
    schemaVersion: 7,
    chains: { journal: journal(transfers), audit: audit(auditRows) },
    trustFingerprint: null,
    signature: null,
  };
}

/** Today's row hashes at the anchored ids, as readAnchoredRows would read them from intact chains. */
const unchangedRows = (anchor: AnchorCertificate) => ({ journal: anchor.chains.journal.head, audit: anchor.chains.audit.head });

describe('compareWithAnchor', () => {
  it('accepts chains that are exactly the anchored ones', () => {
    const anchor = anchorOf(5, 3);
    const result = compareWithAnchor(anchor, { journal: journal(5), audit: audit(3) }, unchangedRows(anchor));
    expect(result).toEqual({
      ok: true,
      anchorTakenAt: '2026-12-01T10:00:00.000Z',
      anchorTakenBy: 'audrey',
      findings: [
        { chain: 'journal', ok: true, detail: '5 rows, extends the anchor unchanged' },
        { chain: 'audit', ok: true, detail: '3 rows, extends the anchor unchanged' },
      ],
    });
  });

  it('accepts chains that grew past the anchored row', () => {
    const anchor = anchorOf(5, 3);
    const result = compareWithAnchor(anchor, { journal: journal(9), audit: audit(4) }, unchangedRows(anchor));
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => f.detail)).toEqual(['9 rows, extends the anchor by 4', '4 rows, extends the anchor by 1']);
  });

  it('names the journal as cut when it is shorter than the anchor, even with a consistent chain', () => {
    const anchor = anchorOf(5, 3);
    const result = compareWithAnchor(anchor, { journal: journal(4), audit: audit(3) }, { journal: null, audit: anchor.chains.audit.head });
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      { chain: 'journal', ok: false, detail: 'the journal chain was cut: 4 rows, the anchor has 5' },
      { chain: 'audit', ok: true, detail: '3 rows, extends the anchor unchanged' },
    ]);
  });

  it('names the anchored row as gone when the tail was cut and then refilled to the same length', () => {
    const anchor = anchorOf(5, 3);
    const result = compareWithAnchor(anchor, { journal: journal(5), audit: audit(6) }, { journal: anchor.chains.journal.head, audit: null });
    expect(result.findings[1]).toEqual({ chain: 'audit', ok: false, detail: 'the audit chain was cut: audit_log#3, its last row at the anchor, is gone' });
  });

  it('names the anchored row as rewritten when it holds another hash', () => {
    const anchor = anchorOf(5, 3);
    const result = compareWithAnchor(anchor, { journal: journal(7), audit: audit(3) }, { journal: hash(99), audit: anchor.chains.audit.head });
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toEqual({ chain: 'journal', ok: false, detail: 'the journal chain was rewritten: transfers#5 no longer has the anchored hash' });
  });

  it('accepts any chain over an anchor taken while the chain was empty', () => {
    const anchor = anchorOf(0, 1);
    const result = compareWithAnchor(anchor, { journal: journal(0), audit: audit(1) }, { audit: anchor.chains.audit.head });
    expect(result.ok).toBe(true);
  });

  it('names a chain that today’s verify no longer reports', () => {
    const anchor = anchorOf(2, 2);
    const result = compareWithAnchor(anchor, { audit: audit(2) }, { audit: anchor.chains.audit.head });
    expect(result.findings[0]).toEqual({ chain: 'journal', ok: false, detail: 'the journal chain is missing' });
  });
});
