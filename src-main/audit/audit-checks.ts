import type { Verifier } from '../integrity/verifier';
import { failed, passed } from '../integrity/verifier';
import { verifyAuditChain } from './verify-audit';

/** The audit log's hash chain, and where it ends: the head for reports, length and last id for anchors. */
export const auditVerifier: Verifier = {
  domain: 'audit',
  run(store) {
    const chain = verifyAuditChain(store.sqlite);
    const counts = { rows: chain.count };
    return {
      checks: [
        chain.firstBrokenId === null
          ? passed('audit.chain', `${chain.count} rows, chain intact`, counts)
          : failed('audit.chain', `audit row ${chain.firstBrokenId} does not match its hash`, counts, 'audit_log', chain.firstBrokenId),
      ],
      // The check holds ids to 1..n, so on an intact chain the last id is its length.
      chains: { audit: { table: 'audit_log', length: chain.count, lastId: chain.count || null, head: chain.head } },
    };
  },
};
