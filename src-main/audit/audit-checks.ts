import type { Verifier } from '../integrity/verifier';
import { failed, passed } from '../integrity/verifier';
import { verifyAuditChain } from './verify-audit';

/** The audit log's hash chain, and its head for reports. */
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
      heads: { audit: chain.head },
    };
  },
};
