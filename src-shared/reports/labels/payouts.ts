import { text, type ReportLabels } from './text';

// TODO(issue 12): sections and columns.
export const payoutsLabels: ReportLabels = {
  title: text('Payout batch report', '批量付款报告'),
  about: text('', ''),
  sections: {},
};
