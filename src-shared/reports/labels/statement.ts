import { text, type ReportLabels } from './text';

// TODO(issue 12): sections and columns.
export const statementLabels: ReportLabels = {
  title: text('Member statement', '会员对账单'),
  about: text('', ''),
  sections: {},
};
