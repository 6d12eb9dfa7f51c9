import { text, type ReportLabels } from './text';

// TODO(issue 12): sections and columns.
export const pointsLiabilityLabels: ReportLabels = {
  title: text('Points liability', '积分负债'),
  about: text('', ''),
  sections: {},
};
