import { text, type ReportLabels } from './text';

// TODO(issue 12): sections and columns.
export const verificationLabels: ReportLabels = {
  title: text('Verification certificate', '校验证书'),
  about: text('', ''),
  sections: {},
};
