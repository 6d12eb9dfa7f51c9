import { text, type ReportLabels } from './text';

export const auditLogLabels: ReportLabels = {
  title: text('Audit log extract', '审计日志摘录'),
  about: text(
    'Every audit log entry for the actor, action, entity and period asked, oldest first, with its summaries and hash as the log holds them.',
    '按所选操作人、操作、对象与期间列出的审计日志条目（由早到晚），摘要与哈希均与日志所存一致。',
  ),
  sections: {
    entries: {
      title: text('Entries', '日志条目'),
      columns: {
        id: text('Entry', '条目'),
        at: text('Time', '时间'),
        actor: text('Actor', '操作人'),
        action: text('Action', '操作'),
        entityType: text('Entity type', '对象类型'),
        entityId: text('Entity', '对象编号'),
        before: text('Before', '变更前'),
        after: text('After', '变更后'),
        hash: text('Hash', '哈希'),
      },
    },
  },
};
