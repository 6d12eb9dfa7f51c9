import type { HandlerMap } from '../handler';
import { listAudit } from '../../audit/list-audit';
import { verifyAuditChain } from '../../audit/verify-audit';

export const auditHandlers: HandlerMap<'audit.list' | 'audit.verify'> = {
  'audit.list': (input, { store }) => listAudit(store, input),
  'audit.verify': (_input, { store }) => verifyAuditChain(store.sqlite),
};
