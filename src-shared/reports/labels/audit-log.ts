import { text, type ReportLabels } from './text';

// TODO(issue 12): sections and columns.
export const auditLogLabels: ReportLabels = {
  title: text('Audit log extract', '审计日志摘录'),
  about: text('', ''),
  sections: {},
};
